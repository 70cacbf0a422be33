# Answers with what it was given, to show which event verify delivered.
def lambda_handler(event, context):
    return {"keys": sorted(event), "request_id": len(context.aws_request_id)}
