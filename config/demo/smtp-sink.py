#!/usr/bin/python3
"""A small SMTP server that stores every message it receives as a file, for tests and the demo.

    smtp-sink.py --host 127.0.0.1 --port 2525 --maildir DIR
                 [--tls-cert CERT --tls-key KEY [--implicit-tls]] [--pidfile FILE]

Each message becomes DIR/<UTC timestamp>-<n>.eml, written under a temporary name and then
renamed, so a reader never sees half a message. Trace header fields are put first:
X-Sink-Envelope-From, X-Sink-Envelope-To, X-Sink-TLS (yes/no) and, after AUTH, X-Sink-Auth-User
(the user name only; any password is accepted and never stored).

Without a certificate the server speaks plain SMTP and offers no AUTH. With --tls-cert and
--tls-key it requires STARTTLS before anything else and then accepts AUTH PLAIN/LOGIN; with
--implicit-tls as well it speaks TLS from the first byte (smtps). Port 0 picks a free port.
"listening on HOST:PORT" is printed once the server accepts connections. SIGTERM or SIGINT
stops it cleanly (exit status 0).

Needs Debian's python3-aiosmtpd (apt-get install -y python3-aiosmtpd).
"""

import argparse
import asyncio
import itertools
import logging
import os
import signal
import ssl
import sys
import time

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.exit("smtp-sink: aiosmtpd is missing: apt-get install -y python3-aiosmtpd (and run this with /usr/bin/python3)")


class Sink:
    """The aiosmtpd handler: writes each message to the mail folder."""

    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.counter)
        now = time.time()
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f".{int(now * 1e6) % 1_000_000:06d}Z"
        name = f"{stamp}-{number}.eml"
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        trace = [
            f"X-Sink-Envelope-From: {envelope.mail_from}",
            f"X-Sink-Envelope-To: {', '.join(envelope.rcpt_tos)}",
            f"X-Sink-TLS: {'yes' if tls else 'no'}",
        ]
        if isinstance(session.auth_data, LoginPassword):
            trace.append(f"X-Sink-Auth-User: {session.auth_data.login.decode('utf-8', 'replace')}")
        content = envelope.original_content or b""
        temporary = os.path.join(self.maildir, f".{name}.tmp")
        with open(temporary, "wb") as file:
            file.write("".join(line + "\r\n" for line in trace).encode("utf-8"))
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, os.path.join(self.maildir, name))
        return f"250 OK stored as {name}"


def accept_any(server, session, envelope, mechanism, auth_data):
    """Accepts every user name and password; only reached over TLS."""
    return AuthResult(success=True, auth_data=auth_data)


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def serve(options):
    loop = asyncio.get_running_loop()
    handler = Sink(options.maildir)
    context = tls_context(options.tls_cert, options.tls_key) if options.tls_cert else None
    starttls = context is not None and not options.implicit_tls

    def protocol():
        return SMTP(
            handler,
            hostname="smtp-sink.localhost",
            ident="ciid smtp-sink",
            tls_context=context if starttls else None,
            require_starttls=starttls,
            authenticator=accept_any,
            auth_require_tls=not options.implicit_tls,
            timeout=60,
            loop=loop,
        )

    server = await loop.create_server(
        protocol, options.host, options.port, ssl=context if options.implicit_tls else None, reuse_address=True
    )
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    host, port = server.sockets[0].getsockname()[:2]
    if options.pidfile:
        with open(options.pidfile, "w") as file:
            file.write(f"{os.getpid()}\n")
    mode = "implicit TLS" if options.implicit_tls else "STARTTLS required" if starttls else "plain"
    print(f"listening on {host}:{port} ({mode}), storing in {options.maildir}", flush=True)
    try:
        await stop.wait()
    finally:
        server.close()
        try:
            await asyncio.wait_for(server.wait_closed(), 5)
        except asyncio.TimeoutError:
            pass
        if options.pidfile:
            try:
                os.unlink(options.pidfile)
            except FileNotFoundError:
                pass
    print("stopped", flush=True)


def main():
    parser = argparse.ArgumentParser(description="Stores every received e-mail as a file (tests, demo).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="0 picks a free port")
    parser.add_argument("--maildir", required=True, help="folder for the .eml files (created if missing)")
    parser.add_argument("--tls-cert", help="PEM certificate: STARTTLS is then required")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps) instead of STARTTLS")
    parser.add_argument("--pidfile", help="writes the process id here while listening")
    parser.add_argument("--verbose", action="store_true", help="logs the SMTP dialogue to standard error")
    options = parser.parse_args()
    if bool(options.tls_cert) != bool(options.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if options.implicit_tls and not options.tls_cert:
        parser.error("--implicit-tls needs --tls-cert and --tls-key")
    os.makedirs(options.maildir, exist_ok=True)
    # A parent may hand down a signal mask that blocks SIGTERM (Foundation's Process does): unblock it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    logging.basicConfig(level=logging.DEBUG if options.verbose else logging.ERROR, stream=sys.stderr)
    try:
        asyncio.run(serve(options))
    except OSError as error:
        sys.exit(f"smtp-sink: cannot listen on {options.host}:{options.port}: {error}")


if __name__ == "__main__":
    main()
