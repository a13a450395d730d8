package org.nlwb.capture.sys;

import jnr.ffi.NativeType;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct msghdr} ({@code sys/socket.h}), 56 bytes on x86_64.
 *
 * <pre>
 *  0          8            12     16         24            32            40               48          52     56
 *  | msg_name | namelen u32| pad  | msg_iov  | iovlen size | msg_control | controllen size| flags int | pad  |
 * </pre>
 *
 * jnr-ffi's {@link Struct} aligns each field but does not round the struct's size up to its
 * alignment, so the 4 tail bytes are declared explicitly ({@link #tail}); without them the
 * native block would be 52 bytes and the kernel would read 4 bytes past it.
 */
public final class MsgHdr extends Struct {
    public final Pointer name = new Pointer();
    public final Unsigned32 namelen = new Unsigned32();
    public final Pointer iov = new Pointer();
    public final size_t iovlen = new size_t();
    public final Pointer control = new Pointer();
    public final size_t controllen = new size_t();
    public final Signed32 flags = new Signed32();
    public final Padding tail = new Padding(NativeType.SINT, 1);

    public MsgHdr(Runtime runtime) {
        super(runtime);
    }
}
