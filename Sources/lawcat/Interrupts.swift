import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM during a scanner pile: noted, never acted on
/// mid-transaction. The handler only records the signal; the pile stops at
/// its next line, once the scan in hand has committed and been answered, and
/// says how far it got (exit 130 or 143, 128 plus the signal, as shells do).
enum Interrupts {
    /// Catches SIGINT and SIGTERM from now on. Without SA_RESTART, so that a
    /// read blocked on the scanner returns at once with EINTR.
    static func catchThem() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { caughtSignal = $0 }
        #else
        action.__sigaction_u.__sa_handler = { caughtSignal = $0 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may hand down a mask that blocks them (a test runner does),
        // and a blocked signal would wait unseen until the pile ended.
        var these = sigset_t()
        sigemptyset(&these)
        sigaddset(&these, SIGINT)
        sigaddset(&these, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &these, nil)
    }

    /// The signal caught, if any.
    static var caught: Int32? {
        let signal = caughtSignal
        return signal == 0 ? nil : signal
    }
}

/// Written only by the signal handler (a single aligned word, as sig_atomic_t is).
nonisolated(unsafe) private var caughtSignal: Int32 = 0
