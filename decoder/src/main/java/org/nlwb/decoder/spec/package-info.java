/**
 * Netlink families described by YNL spec files (the kernel's {@code Documentation/netlink/specs}
 * format, all four schema levels), found on a search path and turned into message classes at run
 * time. The spec language and model are in {@code ynl}, the per-type codecs in {@code codec}.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * SpecLibrary library = SpecLibrary.standard(specDirs);   // built-ins, ~/.config/nlwb/specs,
 *                                                         // /usr/share/ynl/specs, $NLWB_KERNEL_SRC, specDirs
 * Registry registry = library.reload();                   // specs + plugins; call again after a change
 * SpecCatalog catalog = library.load();                   // families, where each came from, problems
 * try (SpecWatcher w = SpecWatcher.start(library, newRegistry -> ...)) { ... }   // reload on file changes
 * IntFunction<Conversation> conv = Conversations.of(capture, userGenlIds);        // genl ids per message
 * }</pre>
 * {@link org.nlwb.decoder.spec.RegistryFactory#standard} is {@code SpecLibrary.standard(dirs).reload()}.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.nlwb.decoder.ynl.YamlReader} reads YAML with line numbers; {@link org.nlwb.decoder.ynl.YnlParser}
 *     checks keys against the {@link org.nlwb.decoder.ynl.SchemaLevel}, derives numbers and kernel names,
 *     resolves references, and yields a {@link org.nlwb.decoder.ynl.Family} or every
 *     {@link org.nlwb.decoder.ynl.SpecProblem};</li>
 * <li>{@link org.nlwb.decoder.codec.FamilyCodecs} makes the attribute sets, codecs and struct readers of a family;
 *     {@link org.nlwb.decoder.spec.SpecMessageClass} decodes a message body (genlmsghdr, fixed header,
 *     attributes) for the operation {@link org.nlwb.decoder.ynl.OpMatch} picks by id, direction and context;</li>
 * <li>{@link org.nlwb.decoder.spec.GenlResolver} (generic netlink, by family id through the conversation) and
 *     {@link org.nlwb.decoder.spec.RawResolver} (netlink-raw families by protocol and nlmsg_type) dispatch;
 *     {@link org.nlwb.decoder.spec.GenericFallback} shows genl/nfnetlink messages no spec knows;</li>
 * <li>{@link org.nlwb.decoder.spec.SpecText} renders a family for {@code nlwb spec show};</li>
 * <li>the built-in specs are parsed when their family is first used: {@link org.nlwb.decoder.spec.SpecFacts}
 *     (name, protocol, message ids) let the resolvers dispatch without parsing; the build writes them
 *     for the built-ins ({@link org.nlwb.decoder.spec.BuiltinIndex}); a {@link org.nlwb.decoder.spec.SpecSource}
 *     is a family's facts and its family, parsed once on first use.</li>
 * </ul>
 */
package org.nlwb.decoder.spec;
