"""Signals for a runtime no signal can reach: handlers are kept, and `raise_signal` runs them."""

SIG_DFL = 0
SIG_IGN = 1
SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE = 1, 2, 3, 4, 5, 6, 7, 8
SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM = 9, 10, 11, 12, 13, 14, 15
SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGWINCH = 17, 18, 19, 20, 28
NSIG = 65
SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK = 0, 1, 2


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


_handlers = {n: SIG_DFL for n in range(1, NSIG)}
_handlers[SIGINT] = default_int_handler


def _check(signalnum):
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def signal(signalnum, handler):
    _check(signalnum)
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, "Invalid argument")
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    previous, _handlers[signalnum] = _handlers[signalnum], handler
    return previous


def getsignal(signalnum):
    _check(signalnum)
    return _handlers[signalnum]


def raise_signal(signalnum):
    _check(signalnum)
    handler = _handlers[signalnum]
    if callable(handler):
        import sys
        handler(signalnum, sys._getframe(1))
    elif handler == SIG_DFL and signalnum == SIGINT:
        raise KeyboardInterrupt


def strsignal(signalnum):
    _check(signalnum)
    return {SIGINT: "Interrupt", SIGTERM: "Terminated", SIGKILL: "Killed"}.get(signalnum, f"Signal {signalnum}")


def valid_signals():
    return set(range(1, NSIG))


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag):
    _check(signalnum)


def alarm(seconds):
    return 0


def pthread_sigmask(how, mask):
    return set()


def pthread_kill(thread_id, signalnum):
    raise_signal(signalnum)
