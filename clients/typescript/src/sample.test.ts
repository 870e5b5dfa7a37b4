// Runs the sample's scenario against the live server at DIMONA_ADDRESS
// (default http://localhost:5000) and checks what it answers.
//
//   DIMONA_ADDRESS=http://127.0.0.1:5301 npm test -w clients/typescript

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { Code, createClient, createRouterTransport } from "@connectrpc/connect";

import {
  BadAddressError,
  codeName,
  createDimonaClient,
  dimonaAddress,
  isValidNiss,
  randomNiss,
  serviceUrl,
  type ErrorSummary,
} from "./dimona.js";
import { DeclarationSchema, DeclarationStatus, Severity, type Declaration } from "./gen/dimona/v1/declaration_pb.js";
import {
  DimonaService,
  SubmitDeclarationBatchResponseSchema,
  type SubmitDeclarationBatchRequest,
  type SubmitDeclarationBatchResponse,
} from "./gen/dimona/v1/dimona_service_pb.js";
import { badNiss, identify, submitAccepted, submitBatch, submitInvalid, submitRefused } from "./sample.js";

const client = createDimonaClient(dimonaAddress(), { timeoutMs: 15_000 });

function assertAccepted(d: Declaration): void {
  assert.equal(d.status, DeclarationStatus.ACCEPTED);
  assert.match(d.declarationNumber, /^\d{12}$/);
  assert.equal(d.periodId, d.declarationNumber, "an accepted IN's period id is its declaration number");
  assert.deepEqual(d.anomalies, []);
}

function assertRefusedInactive(d: Declaration): void {
  assert.equal(d.status, DeclarationStatus.REFUSED);
  assert.match(d.declarationNumber, /^\d{12}$/, "a refused declaration is stored and numbered");
  assert.equal(d.periodId, "", "a refused IN creates no period");
  const anomaly = d.anomalies.find((a) => a.code === "90373-343");
  assert.ok(anomaly, `anomaly 90373-343 expected, got ${d.anomalies.map((a) => a.code).join(", ")}`);
  assert.equal(anomaly.severity, Severity.BLOCKING);
}

function assertBadNiss(error: ErrorSummary): void {
  assert.equal(error.code, Code.InvalidArgument);
  assert.equal(error.codeName, "INVALID_ARGUMENT");
  assert.deepEqual(
    error.fieldViolations.map((v) => [v.field, v.description]),
    [["worker.niss", "NISS check digits do not match (00024-003)."]],
  );
  assert.equal(error.errorInfo?.reason, "INVALID_REQUEST");
  assert.equal(error.errorInfo?.domain, "dimona.v1");
}

describe("NISS helpers (offline)", () => {
  it("randomNiss gives valid 11-digit numbers", () => {
    for (let i = 0; i < 1000; i++) {
      const niss = randomNiss();
      assert.match(niss, /^\d{11}$/);
      assert.ok(isValidNiss(niss), niss);
    }
  });

  it("the sample's bad NISS has wrong check digits", () => {
    assert.equal(isValidNiss(badNiss), false);
    // A known valid NISS from 2001 (check computed with the "2" prefix).
    assert.equal(isValidNiss("01041512387"), true);
  });
});

/** Runs the compiled sample (dist/sample.js) with DIMONA_ADDRESS set to `address`. */
function runSample(address: string) {
  const sample = fileURLToPath(new URL("./sample.js", import.meta.url));
  return spawnSync(process.execPath, [sample], {
    env: { ...process.env, DIMONA_ADDRESS: address },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("service addresses (offline)", () => {
  it("serviceUrl keeps http:// and https://, drops a trailing slash", () => {
    assert.equal(serviceUrl("http://localhost:5000"), "http://localhost:5000");
    assert.equal(serviceUrl(" http://127.0.0.1:5301/ "), "http://127.0.0.1:5301");
    assert.equal(serviceUrl("https://dimona.example:443"), "https://dimona.example");
    assert.equal(serviceUrl("HTTPS://dimona.example:8443"), "https://dimona.example:8443");
  });

  it("serviceUrl takes a bare host:port as http://", () => {
    assert.equal(serviceUrl("127.0.0.1:5401"), "http://127.0.0.1:5401");
    assert.equal(serviceUrl("localhost:5000"), "http://localhost:5000");
    assert.equal(serviceUrl("[::1]:5000"), "http://[::1]:5000");
  });

  it("serviceUrl refuses other schemes, paths, queries and bad ports with BadAddressError", () => {
    for (const bad of ["ftp://host:21", "dns:///host:5000", "http://host:5000/dimona", "host:5000?x=1",
      "host:port", "http://", "", "http://user@host:5000"]) {
      assert.throws(() => serviceUrl(bad), BadAddressError, bad);
    }
    assert.throws(() => createDimonaClient("ftp://host:21"), /'ftp:\/\/host:21' is not a Dimona service address/);
  });

  it("the sample refuses a bad DIMONA_ADDRESS with one line and exit code 2", () => {
    const run = runSample("ftp://127.0.0.1:5401");
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, "");
    assert.equal(
      run.stderr,
      "DIMONA_ADDRESS: 'ftp://127.0.0.1:5401' is not a Dimona service address: use http://host:port, " +
        "https://host:port (TLS), or host:port (taken as http://).\n",
    );
  });

  it("the sample takes a bare host:port as http:// (nothing listening: one line, exit code 1)", () => {
    const run = runSample("127.0.0.1:1");
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout.split("\n")[0], "Dimona.Grpc at http://127.0.0.1:1");
    assert.match(run.stderr, /^Cannot reach the Dimona service at http:\/\/127\.0\.0\.1:1 \(.*\)\. Start it, or set DIMONA_ADDRESS\.\n$/);
  });
});

describe("gRPC code names (offline)", () => {
  it("codeName gives gRPC's canonical names, CANCELLED with two Ls", () => {
    assert.equal(codeName(Code.Canceled), "CANCELLED");
    assert.equal(codeName(Code.InvalidArgument), "INVALID_ARGUMENT");
    assert.equal(codeName(Code.Unauthenticated), "UNAUTHENTICATED");
    assert.deepEqual(
      Array.from({ length: 17 }, (_, code) => codeName(code as Code)),
      [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
      ],
    );
  });

  it("codeName names an unknown code by its number", () => {
    assert.equal(codeName(99 as Code), "CODE_99");
  });
});

/**
 * A client of an in-process fake service whose batch stream reads every
 * request message, then answers with `answer(itemCounts)`: the responses it
 * sends, given how many items each request message had. The stream ends OK.
 */
function fakeBatchClient(answer: (itemCounts: number[]) => number[]) {
  const transport = createRouterTransport(({ service }) => {
    service(DimonaService, {
      async *submitDeclarationBatch(requests: AsyncIterable<SubmitDeclarationBatchRequest>) {
        const itemCounts: number[] = [];
        for await (const request of requests) itemCounts.push(request.items.length);
        for (const results of answer(itemCounts)) yield batchResponse(results);
      },
    });
  });
  return createClient(DimonaService, transport);
}

/** A batch response of `results` accepted declarations. */
function batchResponse(results: number): SubmitDeclarationBatchResponse {
  return create(SubmitDeclarationBatchResponseSchema, {
    results: Array.from({ length: results }, () => ({
      result: {
        case: "declaration" as const,
        value: create(DeclarationSchema, { status: DeclarationStatus.ACCEPTED }),
      },
    })),
  });
}

describe("submitBatch against a fake stream (offline)", () => {
  it("returns one list per request message when every message is answered", async () => {
    const batch = await submitBatch(fakeBatchClient((counts) => counts));
    assert.deepEqual(
      batch.map((results) => results.length),
      [2, 1],
    );
  });

  it("throws when the stream ends OK before answering every request message", async () => {
    await assert.rejects(
      submitBatch(fakeBatchClient((counts) => counts.slice(0, 1))),
      /the batch stream ended after 1 of 2 responses: request message 2 got no answer/,
    );
    await assert.rejects(
      submitBatch(fakeBatchClient(() => [])),
      /the batch stream ended after 0 of 2 responses/,
    );
  });

  it("throws when a response has fewer results than its message had items", async () => {
    await assert.rejects(
      submitBatch(fakeBatchClient(() => [1, 1])),
      /batch response #1 has 1 results for 2 items/,
    );
  });

  it("throws when the stream sends more responses than request messages", async () => {
    await assert.rejects(
      submitBatch(fakeBatchClient((counts) => [...counts, 1])),
      /sent response #3, but only 2 request messages were sent/,
    );
  });
});

describe(`the sample scenario against ${dimonaAddress()}`, () => {
  it("1. identify: Atelier Démo SA", async () => {
    const employer = await identify(client);
    assert.equal(employer.name, "Atelier Démo SA");
    assert.equal(employer.onssNumber, "175110801");
  });

  it("2. accepted: a fresh worker's IN is ACCEPTED with a 12-digit number", async () => {
    assertAccepted(await submitAccepted(client));
  });

  it("3. refused: the inactive employer's IN is REFUSED with 90373-343", async () => {
    assertRefusedInactive(await submitRefused(client));
  });

  it("4. invalid argument: BadRequest on worker.niss and ErrorInfo INVALID_REQUEST", async () => {
    assertBadNiss(await submitInvalid(client));
  });

  it("5. batch: two responses, ACCEPTED and REFUSED, then INVALID_ARGUMENT", async () => {
    const batch = await submitBatch(client);
    assert.deepEqual(
      batch.map((results) => results.length),
      [2, 1],
      "one response per request message, one result per item",
    );
    const [first, second] = batch;
    const [accepted, refused] = first!;
    const [invalid] = second!;

    assert.equal(accepted?.kind, "declaration");
    if (accepted?.kind === "declaration") assertAccepted(accepted.declaration);

    assert.equal(refused?.kind, "declaration");
    if (refused?.kind === "declaration") assertRefusedInactive(refused.declaration);

    assert.equal(invalid?.kind, "error");
    if (invalid?.kind === "error") assertBadNiss(invalid.error);
  });
});
