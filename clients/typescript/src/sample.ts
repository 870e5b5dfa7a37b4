// The Dimona.Grpc sample: five calls a newcomer can run against a live server.
//
//   DIMONA_ADDRESS=http://localhost:5000 npm run sample -w clients/typescript
//
// Each step is an exported function returning what the service answered, so
// that sample.test.ts runs and checks the very same scenario; main() prints it.

import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { create } from "@bufbuild/protobuf";

import {
  blockingAnomalies,
  createDimonaClient,
  dimonaAddress,
  formatAnomaly,
  formatErrorInfo,
  formatViolation,
  isUnreachable,
  randomNiss,
  serviceUrl,
  statusName,
  summarizeError,
  summarizeStatus,
  type DimonaClient,
  type ErrorSummary,
} from "./dimona.js";
import { WorkerType, type Declaration } from "./gen/dimona/v1/declaration_pb.js";
import type { Employer } from "./gen/dimona/v1/employer_pb.js";
import {
  SubmitDeclarationBatchRequestSchema,
  SubmitDeclarationRequestSchema,
  type SubmitDeclarationBatchRequest,
  type SubmitDeclarationRequest,
} from "./gen/dimona/v1/dimona_service_pb.js";

/** Atelier Démo SA: an active employer of the demo data. */
export const activeEmployer = "0403019261";
/** Ancienne Brasserie SA: inactive, so its declarations are refused (90373-343). */
export const inactiveEmployer = "0812345603";
/** A NISS with wrong check digits: the request is malformed (INVALID_ARGUMENT). */
export const badNiss = "93051822362";

/**
 * A Dimona IN from 2030-01-01, open-ended, of an ordinary worker (OTH) in
 * joint committee "XXX", with a fresh request id.
 */
export function dimonaIn(enterpriseNumber: string, niss: string): SubmitDeclarationRequest {
  return create(SubmitDeclarationRequestSchema, {
    requestId: randomUUID(),
    employer: { number: { case: "enterpriseNumber", value: enterpriseNumber } },
    worker: { identity: { case: "niss", value: niss } },
    content: {
      case: "dimonaIn",
      value: { startDate: "2030-01-01", jointCommittee: "XXX", workerType: WorkerType.OTH },
    },
  });
}

/** 1. IdentifyEmployer: looks the employer up by its enterprise number. */
export async function identify(client: DimonaClient): Promise<Employer> {
  const response = await client.identifyEmployer({
    employer: { number: { case: "enterpriseNumber", value: activeEmployer } },
  });
  if (!response.employer) throw new Error("IdentifyEmployer answered without an employer");
  return response.employer;
}

/** 2. SubmitDeclaration of an IN for a fresh worker: ACCEPTED. */
export async function submitAccepted(client: DimonaClient): Promise<Declaration> {
  return submit(client, dimonaIn(activeEmployer, randomNiss()));
}

/** 3. The same IN for an inactive employer: stored, and REFUSED. */
export async function submitRefused(client: DimonaClient): Promise<Declaration> {
  return submit(client, dimonaIn(inactiveEmployer, randomNiss()));
}

/** 4. An IN with bad check digits: the call fails, and the error says why. */
export async function submitInvalid(client: DimonaClient): Promise<ErrorSummary> {
  try {
    await client.submitDeclaration(dimonaIn(activeEmployer, badNiss));
  } catch (e) {
    if (isUnreachable(e)) throw e;
    return summarizeError(e);
  }
  throw new Error(`SubmitDeclaration accepted the NISS ${badNiss}; it should fail with INVALID_ARGUMENT`);
}

/** A batch item's result: the declaration, or the error SubmitDeclaration would have failed with. */
export type ItemOutcome =
  | { kind: "declaration"; label: string; declaration: Declaration }
  | { kind: "error"; label: string; error: ErrorSummary };

/**
 * 5. SubmitDeclarationBatch, a bidirectional stream: two request messages
 * (a valid IN and a refused one, then an invalid one). Each response answers
 * one request message, one result per item in the same order; the result is
 * indexed [response][item]. Throws when the stream, even ending with OK, does
 * not answer every request message with exactly one response holding as many
 * results as the message had items.
 */
export async function submitBatch(client: DimonaClient): Promise<ItemOutcome[][]> {
  const messages: { label: string; item: SubmitDeclarationRequest }[][] = [
    [
      { label: "IN, fresh worker", item: dimonaIn(activeEmployer, randomNiss()) },
      { label: "IN, inactive employer", item: dimonaIn(inactiveEmployer, randomNiss()) },
    ],
    [{ label: `IN, NISS ${badNiss}`, item: dimonaIn(activeEmployer, badNiss) }],
  ];

  async function* requests(): AsyncGenerator<SubmitDeclarationBatchRequest> {
    for (const message of messages) {
      yield create(SubmitDeclarationBatchRequestSchema, { items: message.map((m) => m.item) });
    }
  }

  const outcomes: ItemOutcome[][] = [];
  for await (const response of client.submitDeclarationBatch(requests())) {
    const sent = messages[outcomes.length];
    if (!sent) {
      throw new Error(
        `the batch stream sent response #${outcomes.length + 1}, but only ${messages.length} request messages were sent`,
      );
    }
    if (response.results.length !== sent.length) {
      throw new Error(
        `batch response #${outcomes.length + 1} has ${response.results.length} results for ${sent.length} items`,
      );
    }
    outcomes.push(
      response.results.map((r, i): ItemOutcome => {
        const label = sent[i]!.label;
        switch (r.result.case) {
          case "declaration":
            return { kind: "declaration", label, declaration: r.result.value };
          case "error":
            return { kind: "error", label, error: summarizeStatus(r.result.value) };
          default:
            throw new Error(`batch result #${i + 1} has neither a declaration nor an error`);
        }
      }),
    );
  }
  // A stream that ends with OK must still have answered every request message.
  if (outcomes.length !== messages.length) {
    throw new Error(
      `the batch stream ended after ${outcomes.length} of ${messages.length} responses: ` +
        `request message ${outcomes.length + 1} got no answer`,
    );
  }
  return outcomes;
}

async function submit(client: DimonaClient, request: SubmitDeclarationRequest): Promise<Declaration> {
  const response = await client.submitDeclaration(request);
  if (!response.declaration) throw new Error("SubmitDeclaration answered without a declaration");
  return response.declaration;
}

// ---------------------------------------------------------------------------
// Printing

function describeDeclaration(d: Declaration): string {
  const niss = d.worker?.identity.case === "niss" ? d.worker.identity.value : "?";
  const period = d.periodId ? `, period ${d.periodId}` : ", no period";
  return `${statusName(d.status)}: declaration ${d.declarationNumber}${period} (worker ${niss})`;
}

function printError(error: ErrorSummary, indent: string): void {
  for (const v of error.fieldViolations) console.log(`${indent}field violation ${formatViolation(v)}`);
  if (error.errorInfo) console.log(`${indent}error info ${formatErrorInfo(error.errorInfo)}`);
}

export async function main(): Promise<number> {
  let address: string;
  let client: DimonaClient;
  try {
    address = serviceUrl(dimonaAddress());
    client = createDimonaClient(address, { timeoutMs: 15_000 });
  } catch (e) {
    console.error(`DIMONA_ADDRESS: ${e instanceof Error ? e.message : String(e)}.`);
    return 2;
  }
  console.log(`Dimona.Grpc at ${address}`);
  try {
    console.log("\n1. identify (IdentifyEmployer)");
    const employer = await identify(client);
    console.log(`   ${employer.name}, enterprise ${employer.enterpriseNumber}, ONSS number ${employer.onssNumber}`);

    console.log("\n2. accepted (SubmitDeclaration, Dimona IN)");
    console.log(`   ${describeDeclaration(await submitAccepted(client))}`);

    console.log("\n3. refused (the same IN for an inactive employer)");
    const refused = await submitRefused(client);
    console.log(`   ${describeDeclaration(refused)}`);
    for (const a of blockingAnomalies(refused)) console.log(`   anomaly ${formatAnomaly(a)}`);

    console.log(`\n4. invalid argument (NISS ${badNiss})`);
    const invalid = await submitInvalid(client);
    console.log(`   ${invalid.codeName}: ${invalid.message}`);
    printError(invalid, "   ");

    console.log("\n5. batch (SubmitDeclarationBatch, two request messages)");
    const batch = await submitBatch(client);
    batch.forEach((results, m) =>
      results.forEach((outcome, i) => {
        const where = `   message ${m + 1} item ${i + 1} (${outcome.label}):`;
        if (outcome.kind === "declaration") {
          console.log(`${where} ${describeDeclaration(outcome.declaration)}`);
          for (const a of blockingAnomalies(outcome.declaration)) console.log(`      anomaly ${formatAnomaly(a)}`);
        } else {
          console.log(`${where} error ${outcome.error.code} ${outcome.error.codeName}: ${outcome.error.message}`);
          printError(outcome.error, "      ");
        }
      }),
    );
    return 0;
  } catch (e) {
    if (isUnreachable(e)) {
      console.error(`Cannot reach the Dimona service at ${address} (${summarizeError(e).message}). Start it, or set DIMONA_ADDRESS.`);
    } else {
      console.error(`The sample failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return 1;
  }
}

// Run main() only when this file is the program (node dist/sample.js), not
// when the test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
