package org.nlwb.decoder.message;

/**
 * Linux errno names and texts, generated from {@code /usr/include/asm-generic/errno-base.h} and
 * {@code errno.h} (the comments there are the kernel's descriptions).
 */
public final class Errno {
    private static final String[] NAMES = new String[134];
    private static final String[] TEXTS = new String[134];

    static {
        put(1, "EPERM", "Operation not permitted");
        put(2, "ENOENT", "No such file or directory");
        put(3, "ESRCH", "No such process");
        put(4, "EINTR", "Interrupted system call");
        put(5, "EIO", "I/O error");
        put(6, "ENXIO", "No such device or address");
        put(7, "E2BIG", "Argument list too long");
        put(8, "ENOEXEC", "Exec format error");
        put(9, "EBADF", "Bad file number");
        put(10, "ECHILD", "No child processes");
        put(11, "EAGAIN", "Try again");
        put(12, "ENOMEM", "Out of memory");
        put(13, "EACCES", "Permission denied");
        put(14, "EFAULT", "Bad address");
        put(15, "ENOTBLK", "Block device required");
        put(16, "EBUSY", "Device or resource busy");
        put(17, "EEXIST", "File exists");
        put(18, "EXDEV", "Cross-device link");
        put(19, "ENODEV", "No such device");
        put(20, "ENOTDIR", "Not a directory");
        put(21, "EISDIR", "Is a directory");
        put(22, "EINVAL", "Invalid argument");
        put(23, "ENFILE", "File table overflow");
        put(24, "EMFILE", "Too many open files");
        put(25, "ENOTTY", "Not a typewriter");
        put(26, "ETXTBSY", "Text file busy");
        put(27, "EFBIG", "File too large");
        put(28, "ENOSPC", "No space left on device");
        put(29, "ESPIPE", "Illegal seek");
        put(30, "EROFS", "Read-only file system");
        put(31, "EMLINK", "Too many links");
        put(32, "EPIPE", "Broken pipe");
        put(33, "EDOM", "Math argument out of domain of func");
        put(34, "ERANGE", "Math result not representable");
        put(35, "EDEADLK", "Resource deadlock would occur");
        put(36, "ENAMETOOLONG", "File name too long");
        put(37, "ENOLCK", "No record locks available");
        put(38, "ENOSYS", "Invalid system call number");
        put(39, "ENOTEMPTY", "Directory not empty");
        put(40, "ELOOP", "Too many symbolic links encountered");
        put(42, "ENOMSG", "No message of desired type");
        put(43, "EIDRM", "Identifier removed");
        put(44, "ECHRNG", "Channel number out of range");
        put(45, "EL2NSYNC", "Level 2 not synchronized");
        put(46, "EL3HLT", "Level 3 halted");
        put(47, "EL3RST", "Level 3 reset");
        put(48, "ELNRNG", "Link number out of range");
        put(49, "EUNATCH", "Protocol driver not attached");
        put(50, "ENOCSI", "No CSI structure available");
        put(51, "EL2HLT", "Level 2 halted");
        put(52, "EBADE", "Invalid exchange");
        put(53, "EBADR", "Invalid request descriptor");
        put(54, "EXFULL", "Exchange full");
        put(55, "ENOANO", "No anode");
        put(56, "EBADRQC", "Invalid request code");
        put(57, "EBADSLT", "Invalid slot");
        put(59, "EBFONT", "Bad font file format");
        put(60, "ENOSTR", "Device not a stream");
        put(61, "ENODATA", "No data available");
        put(62, "ETIME", "Timer expired");
        put(63, "ENOSR", "Out of streams resources");
        put(64, "ENONET", "Machine is not on the network");
        put(65, "ENOPKG", "Package not installed");
        put(66, "EREMOTE", "Object is remote");
        put(67, "ENOLINK", "Link has been severed");
        put(68, "EADV", "Advertise error");
        put(69, "ESRMNT", "Srmount error");
        put(70, "ECOMM", "Communication error on send");
        put(71, "EPROTO", "Protocol error");
        put(72, "EMULTIHOP", "Multihop attempted");
        put(73, "EDOTDOT", "RFS specific error");
        put(74, "EBADMSG", "Not a data message");
        put(75, "EOVERFLOW", "Value too large for defined data type");
        put(76, "ENOTUNIQ", "Name not unique on network");
        put(77, "EBADFD", "File descriptor in bad state");
        put(78, "EREMCHG", "Remote address changed");
        put(79, "ELIBACC", "Can not access a needed shared library");
        put(80, "ELIBBAD", "Accessing a corrupted shared library");
        put(81, "ELIBSCN", ".lib section in a.out corrupted");
        put(82, "ELIBMAX", "Attempting to link in too many shared libraries");
        put(83, "ELIBEXEC", "Cannot exec a shared library directly");
        put(84, "EILSEQ", "Illegal byte sequence");
        put(85, "ERESTART", "Interrupted system call should be restarted");
        put(86, "ESTRPIPE", "Streams pipe error");
        put(87, "EUSERS", "Too many users");
        put(88, "ENOTSOCK", "Socket operation on non-socket");
        put(89, "EDESTADDRREQ", "Destination address required");
        put(90, "EMSGSIZE", "Message too long");
        put(91, "EPROTOTYPE", "Protocol wrong type for socket");
        put(92, "ENOPROTOOPT", "Protocol not available");
        put(93, "EPROTONOSUPPORT", "Protocol not supported");
        put(94, "ESOCKTNOSUPPORT", "Socket type not supported");
        put(95, "EOPNOTSUPP", "Operation not supported on transport endpoint");
        put(96, "EPFNOSUPPORT", "Protocol family not supported");
        put(97, "EAFNOSUPPORT", "Address family not supported by protocol");
        put(98, "EADDRINUSE", "Address already in use");
        put(99, "EADDRNOTAVAIL", "Cannot assign requested address");
        put(100, "ENETDOWN", "Network is down");
        put(101, "ENETUNREACH", "Network is unreachable");
        put(102, "ENETRESET", "Network dropped connection because of reset");
        put(103, "ECONNABORTED", "Software caused connection abort");
        put(104, "ECONNRESET", "Connection reset by peer");
        put(105, "ENOBUFS", "No buffer space available");
        put(106, "EISCONN", "Transport endpoint is already connected");
        put(107, "ENOTCONN", "Transport endpoint is not connected");
        put(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
        put(109, "ETOOMANYREFS", "Too many references: cannot splice");
        put(110, "ETIMEDOUT", "Connection timed out");
        put(111, "ECONNREFUSED", "Connection refused");
        put(112, "EHOSTDOWN", "Host is down");
        put(113, "EHOSTUNREACH", "No route to host");
        put(114, "EALREADY", "Operation already in progress");
        put(115, "EINPROGRESS", "Operation now in progress");
        put(116, "ESTALE", "Stale file handle");
        put(117, "EUCLEAN", "Structure needs cleaning");
        put(118, "ENOTNAM", "Not a XENIX named type file");
        put(119, "ENAVAIL", "No XENIX semaphores available");
        put(120, "EISNAM", "Is a named type file");
        put(121, "EREMOTEIO", "Remote I/O error");
        put(122, "EDQUOT", "Quota exceeded");
        put(123, "ENOMEDIUM", "No medium found");
        put(124, "EMEDIUMTYPE", "Wrong medium type");
        put(125, "ECANCELED", "Operation Canceled");
        put(126, "ENOKEY", "Required key not available");
        put(127, "EKEYEXPIRED", "Key has expired");
        put(128, "EKEYREVOKED", "Key has been revoked");
        put(129, "EKEYREJECTED", "Key was rejected by service");
        put(130, "EOWNERDEAD", "Owner died");
        put(131, "ENOTRECOVERABLE", "State not recoverable");
        put(132, "ERFKILL", "Operation not possible due to RF-kill");
        put(133, "EHWPOISON", "Memory page has hardware error");
    }

    private Errno() {
    }

    private static void put(int n, String name, String text) {
        NAMES[n] = name;
        TEXTS[n] = text;
    }

    /** {@code ENODEV} for 19, null when unknown. Sign is ignored. */
    public static String name(int errno) {
        int n = magnitude(errno);
        return n < NAMES.length ? NAMES[n] : null;
    }

    /** The kernel's description ({@code No such device}), null when unknown. Sign is ignored. */
    public static String text(int errno) {
        int n = magnitude(errno);
        return n < TEXTS.length ? TEXTS[n] : null;
    }

    /**
     * The errno without its sign, as an index: {@code Math.abs} of -2147483648 is itself (found by
     * fuzzing: an NLMSG_ERROR with that error code), so it is mapped past every table.
     */
    private static int magnitude(int errno) {
        return errno == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(errno);
    }

    /** Number of a name such as {@code ENODEV}, or -1. */
    public static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (name.equals(NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** {@code -ENODEV} for -19, {@code 0} for 0, {@code -134} when unnamed. */
    public static String signedName(int error) {
        if (error == 0) {
            return "0";
        }
        String n = name(error);
        return n == null ? Integer.toString(error) : (error < 0 ? "-" : "") + n;
    }
}
