"""brisk's runtime interface client for Python, run by `brisk-pack verify`.

It stands in for the client AWS ships in its python3.X images, inside
verify's sandbox: python3 -S -u /var/runtime/bootstrap.py SEARCH_PATH...

sys.path becomes Lambda's: SEARCH_PATH (/var/task, the layers' site-packages,
/opt/python), then the interpreter's standard library; -S keeps the host's
site-packages out. The handler named by _HANDLER ("module.function", the
module path may use "/") is imported from there, then invocations are served
from the Runtime API at AWS_LAMBDA_RUNTIME_API until the sandbox ends.
Failures are reported with the error types AWS's client uses.
"""
# Everything the client needs is imported before sys.path changes, so that a
# user's module of the same name (json.py in /var/task) cannot replace it.
import gc
import http.client
import importlib
import json
import os
import sys
import time
import traceback

API = "/2018-06-01/runtime"


class RuntimeApi:
    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.host, self.port = host, int(port)
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        # The endpoint may close an idle connection; reconnect once.
        for attempt in (0, 1):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port)
            try:
                self.connection.request(method, API + path, body, headers or {})
                response = self.connection.getresponse()
                return response.status, response.headers, response.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise

    def post_json(self, path, document, error_type=None):
        headers = {"Content-Type": "application/json"}
        if error_type:
            headers["Lambda-Runtime-Function-Error-Type"] = error_type
        return self.call("POST", path, json.dumps(document).encode(), headers)


def error_document(error_type, message, request_id="", stack=None):
    return {"errorMessage": message, "errorType": error_type,
            "requestId": request_id, "stackTrace": stack or []}


class LambdaContext:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        self.invoked_function_arn = headers.get(
            "Lambda-Runtime-Invoked-Function-Arn", "")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        client_context = headers.get("Lambda-Runtime-Client-Context")
        identity = headers.get("Lambda-Runtime-Cognito-Identity")
        self.client_context = json.loads(client_context) if client_context else None
        self.identity = json.loads(identity) if identity else None
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def load_handler(name):
    """The handler function, or (error type, message) as AWS's client says."""
    try:
        module_path, function = name.rsplit(".", 1)
    except ValueError as e:
        return None, ("Runtime.MalformedHandlerName",
                      "Bad handler '%s': %s" % (name, e))
    module_name = module_path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        return None, ("Runtime.ImportModuleError",
                      "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        return None, ("Runtime.UserCodeSyntaxError",
                      "Syntax error in module '%s': %s" % (module_name, e))
    except Exception as e:
        return None, (type(e).__name__, str(e))
    handler = getattr(module, function, None)
    if handler is None:
        return None, ("Runtime.HandlerNotFound",
                      "Handler '%s' missing on module '%s'"
                      % (function, module_name))
    return handler, None


def main(search_path):
    stdlib = [p for p in sys.path[1:] if p]
    sys.path[:] = list(search_path) + stdlib
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    handler, problem = load_handler(os.environ.get("_HANDLER", ""))
    if problem:
        error_type, message = problem
        print("[ERROR] %s: %s" % problem, file=sys.stderr)
        api.post_json("/init/error", error_document(error_type, message),
                      error_type)
        sys.exit(1)
    while True:
        # Garbage in reference cycles waits for the collector: collect it
        # before `next`, where verify samples the environment (see
        # bootstrap.js), so that the warm-leak check sees what the function
        # keeps.
        gc.collect()
        status, headers, body = api.call("GET", "/invocation/next")
        if status != 200:
            sys.exit("the Runtime API answered next with %d" % status)
        context = LambdaContext(headers)
        request_id = context.aws_request_id
        try:
            result = handler(json.loads(body), context)
            payload = json.dumps(result).encode()
        except Exception as e:
            error_type = type(e).__name__
            stack = traceback.format_list(traceback.extract_tb(e.__traceback__))
            print("[ERROR] %s: %s" % (error_type, e), file=sys.stderr)
            api.post_json("/invocation/%s/error" % request_id,
                          error_document(error_type, str(e), request_id, stack),
                          error_type)
            continue
        api.call("POST", "/invocation/%s/response" % request_id, payload,
                 {"Content-Type": "application/json"})


if __name__ == "__main__":
    main(sys.argv[1:])
