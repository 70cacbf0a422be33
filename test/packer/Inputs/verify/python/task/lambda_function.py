# What a Python handler sees in verify's emulation of AWS's runtime: the
# search path, which layer won, and whether anything came from the host.
import sys

import layered
import from_site_packages


def lambda_handler(event, context):
    try:
        import hostonly  # on the PYTHONPATH brisk-pack was started with
        host = "visible"
    except ImportError:
        host = "hidden"
    allowed = ("/var/task/", "/opt/", "/var/lang/lib/", "/var/runtime/")
    foreign = sorted(m.__file__ for m in list(sys.modules.values())
                     if getattr(m, "__file__", None)
                     and not m.__file__.startswith(allowed))
    return {
        "search_path": sys.path[:3],
        "layer": layered.NAME,
        "site_packages": from_site_packages.NAME,
        "host_module": host,
        "modules_from_elsewhere": foreign,
        "name": event["queryStringParameters"]["name"],
        "function": context.function_name,
        "memory": context.memory_limit_in_mb,
        "time_left": context.get_remaining_time_in_millis() > 0,
    }
