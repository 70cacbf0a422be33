#!/usr/bin/env python3
"""Print an order event for the anti-patterns function: a large order.

usage: make_order_event.py [ITEMS]

The handler answers only events with an "orderId"; it spools each one to a
/tmp file named after the request and never removes it. With the default
1,000 items (about 80 KB) /tmp fills within a warm lifetime, which
`brisk-pack verify` flags.
"""
import json
import sys


def main(argv):
    items = int(argv[1]) if len(argv) > 1 else 1000
    order = {
        "orderId": "ORD-2026-000042",
        "customer": "customer-0815",
        "items": [{"sku": "SKU-" + str(i).zfill(5), "quantity": 1 + i % 3,
                   "note": "gift wrap, leave at the side door"}
                  for i in range(items)],
    }
    print(json.dumps(order))


if __name__ == "__main__":
    main(sys.argv)
