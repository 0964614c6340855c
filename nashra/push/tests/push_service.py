"""A push service on loopback for the tests (#19).

Accepts what a real one accepts: a POST whose Authorization is a VAPID JWT
(RFC 8292) signed by the site's key for this origin. It keeps each push it
took; paths under /gone/ answer 410, as a service does for a browser that
unsubscribed, and under /broken/ 500.
"""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def check_vapid(header, origin):
    """The JWT's claims, once its signature by the key ``k`` is verified."""
    scheme, _, params = header.partition(" ")
    assert scheme == "vapid", header
    fields = dict(p.strip().split("=", 1) for p in params.split(","))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64(fields["k"]))
    head, claims, signature = fields["t"].split(".")
    raw = b64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:]))
    key.verify(der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(b64(head))["alg"] == "ES256"
    claims = json.loads(b64(claims))
    assert claims["aud"] == origin, claims
    return fields["k"], claims


class PushService:
    def __init__(self):
        self.received = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                try:
                    key, claims = check_vapid(
                        self.headers["Authorization"], service.origin
                    )
                except Exception:  # noqa: BLE001 — any bad signature is a 401
                    self.send_response(401)
                    self.end_headers()
                    return
                service.received.append(
                    {"path": self.path, "key": key, "claims": claims, "body": body,
                     "encoding": self.headers["Content-Encoding"]}
                )  # fmt: skip
                codes = {"/gone/": 410, "/broken/": 500}
                self.send_response(codes.get(self.path, 201))
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class Browser:
    """A browser's side of a subscription: its P-256 key and auth secret."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.secret = b"sixteen-byte-sec"

    def fields(self):
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "p256dh": base64.urlsafe_b64encode(point).rstrip(b"=").decode(),
            "auth": base64.urlsafe_b64encode(self.secret).rstrip(b"=").decode(),
        }
