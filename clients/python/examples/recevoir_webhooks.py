"""A webhook receiver that verifies Prevex's signatures with the `standardwebhooks` package.

PREVEX_WEBHOOK_SECRET=whsec_… python clients/python/examples/recevoir_webhooks.py  # port 8080
"""

import os
from http.server import BaseHTTPRequestHandler, HTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

webhook = Webhook(os.environ["PREVEX_WEBHOOK_SECRET"])


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        try:
            event = webhook.verify(body, dict(self.headers))  # the signature, a timestamp within 5 min
        except WebhookVerificationError:
            self.send_response(400)
        else:
            print(event["id"], event["type"], event["dossier_id"])  # deduplicate on event["id"]
            self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8080"))), Receiver).serve_forever()
