/**
 * The compare tab: two messages or two conversations side by side (trees and hex), differences
 * coloured and linked, next/previous difference; its view model and the menu that opens it.
 */
package org.nlwb.app.ui.compare;
