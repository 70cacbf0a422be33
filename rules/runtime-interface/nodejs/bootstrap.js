// brisk's runtime interface client for Node.js, run by `brisk-pack verify`.
//
// It stands in for the client AWS ships in its nodejsNN.x images, inside
// verify's sandbox: node /var/runtime/bootstrap.js, with NODE_PATH set to
// Lambda's. The handler named by _HANDLER ("file.export", the file relative
// to LAMBDA_TASK_ROOT, as .js, .mjs or .cjs) is loaded, then invocations are
// served from the Runtime API at AWS_LAMBDA_RUNTIME_API until the sandbox
// ends. Async handlers and callback handlers are both supported; failures are
// reported with the error types AWS's client uses.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { pathToFileURL } = require('url');

const API = '/2018-06-01/runtime';
const [host, port] = (() => {
  const address = process.env.AWS_LAMBDA_RUNTIME_API;
  const colon = address.lastIndexOf(':');
  return [address.slice(0, colon), Number(address.slice(colon + 1))];
})();
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

// verify samples the environment while the runtime waits in `next`, where
// Lambda freezes it. V8 leaves garbage on its heap, and grows the heap, for
// hundreds of invocations before a full collection, which reads as steady
// growth of resident memory. Collecting before each `next` leaves what the
// function keeps: the warm-leak check then sees leaks, not garbage. The
// handler gets no global `gc`.
const collectGarbage = (() => {
  require('v8').setFlagsFromString('--expose-gc');
  return require('vm').runInNewContext('gc');
})();

function call(method, route, body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host, port, method, path: API + route, agent, headers: headers || {} },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }));
      });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

function postJson(route, document, errorType) {
  const headers = { 'Content-Type': 'application/json' };
  if (errorType) headers['Lambda-Runtime-Function-Error-Type'] = errorType;
  return call('POST', route, JSON.stringify(document), headers);
}

function errorDocument(error, fallbackType) {
  const type = (error && error.name) || fallbackType || 'Error';
  return {
    errorType: type,
    errorMessage: error && error.message !== undefined ? String(error.message) : String(error),
    trace: error && error.stack ? String(error.stack).split('\n') : [],
  };
}

class HandlerProblem extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

async function loadHandler(spec) {
  const dot = spec.lastIndexOf('.');
  if (dot <= 0 || dot === spec.length - 1) {
    throw new HandlerProblem('Runtime.MalformedHandlerName', 'Bad handler ' + spec);
  }
  const moduleName = spec.slice(0, dot);
  const exportName = spec.slice(dot + 1);
  const base = path.resolve(process.env.LAMBDA_TASK_ROOT || '/var/task', moduleName);
  let loaded;
  try {
    if (fs.existsSync(base + '.mjs')) {
      loaded = await import(pathToFileURL(base + '.mjs').href);
    } else {
      const file = fs.existsSync(base + '.cjs') ? base + '.cjs' : base;
      try {
        loaded = require(file);
      } catch (e) {
        if (e.code !== 'ERR_REQUIRE_ESM') throw e;
        loaded = await import(pathToFileURL(require.resolve(file)).href);
      }
    }
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND') {
      throw new HandlerProblem('Runtime.ImportModuleError', 'Error: ' + e.message.split('\n')[0]);
    }
    throw e;
  }
  const handler = loaded && loaded[exportName];
  if (typeof handler !== 'function') {
    throw new HandlerProblem('Runtime.HandlerNotFound',
      spec + ' is undefined or not exported');
  }
  return handler;
}

function contextFor(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms'] || 0);
  const clientContext = headers['lambda-runtime-client-context'];
  const identity = headers['lambda-runtime-cognito-identity'];
  return {
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: clientContext ? JSON.parse(clientContext) : undefined,
    identity: identity ? JSON.parse(identity) : undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') {
        returned.then(resolve, reject);
      } else if (handler.length < 3) {
        resolve(returned);
      }
    } catch (e) {
      reject(e);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler(process.env._HANDLER || '');
  } catch (e) {
    const document = errorDocument(e, 'Runtime.UserCodeSyntaxError');
    console.error('[ERROR] ' + document.errorType + ': ' + document.errorMessage);
    await postJson('/init/error', document, document.errorType);
    process.exit(1);
  }
  for (;;) {
    collectGarbage();
    const next = await call('GET', '/invocation/next');
    if (next.status !== 200) {
      console.error('the Runtime API answered next with ' + next.status);
      process.exit(1);
    }
    const context = contextFor(next.headers);
    const id = context.awsRequestId;
    let payload;
    try {
      const result = await runHandler(handler, JSON.parse(next.body), context);
      payload = JSON.stringify(result === undefined ? null : result);
    } catch (e) {
      const document = errorDocument(e);
      console.error('[ERROR] ' + document.errorType + ': ' + document.errorMessage);
      await postJson('/invocation/' + id + '/error', document, document.errorType);
      continue;
    }
    await call('POST', '/invocation/' + id + '/response', payload,
      { 'Content-Type': 'application/json' });
  }
}

main();
