package org.nlwb.capture.sys;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct iovec}, 16 bytes on LP64.
 *
 * <pre>
 *  0                 8                 16
 *  | iov_base void*  | iov_len size_t  |
 * </pre>
 */
public final class IoVec extends Struct {
    public final Pointer base = new Pointer();
    public final size_t len = new size_t();

    public IoVec(Runtime runtime) {
        super(runtime);
    }
}
