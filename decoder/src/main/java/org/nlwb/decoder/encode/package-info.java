/**
 * Building netlink requests from YNL-style descriptions, the way the kernel's YNL CLI does
 * ({@code --family rt-link --do getlink --json '{"ifname": "lo"}'}), and the way back.
 *
 * <pre>{@code
 * MessageEncoder enc = new MessageEncoder(SpecLibrary.standard(dirs).load());
 * Request r = Request.of("rt-link", "newlink", false, json).withFlags(List.of("create", "excl"));
 * byte[] bytes = enc.encode(r, familyName -> genlIdFromTheKernel).bytes();   // EncodeException names the field
 * Request again = RequestDescriber.describe(family, decodedRequest);         // decoded tree -> description
 * }</pre>
 *
 * <ul>
 * <li>{@link org.nlwb.decoder.encode.Request}: family, operation, do/dump, flags and the JSON object of
 *     attributes and fixed header members;</li>
 * <li>{@link org.nlwb.decoder.encode.MessageEncoder}: the bytes, through the family's spec (pure Java,
 *     sends nothing; the CLI's {@code nlwb send} does that);</li>
 * <li>{@link org.nlwb.decoder.encode.RequestDescriber}: a decoded request back into a description;
 *     every sample request of a spec family encodes again to its captured bytes.</li>
 * </ul>
 * Both do the message level (nlmsghdr, genlmsghdr, operation, flags); each attribute is the work of
 * its type's codec in {@code org.nlwb.decoder.codec}.
 */
package org.nlwb.decoder.encode;
