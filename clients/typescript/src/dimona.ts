// A small typed layer over the generated code: the client, and helpers to read
// what the service answers (a declaration's anomalies, an error's details).
//
// The generated code lives in src/gen (run `npm run generate`); it is made by
// protoc-gen-es from protos/ and holds the messages, enums and the
// DimonaService descriptor that Connect uses.

import { randomInt } from "node:crypto";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, type Client } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";

import { DimonaService } from "./gen/dimona/v1/dimona_service_pb.js";
import {
  DeclarationStatus,
  Severity,
  type Anomaly,
  type Declaration,
} from "./gen/dimona/v1/declaration_pb.js";
import {
  BadRequestSchema,
  ErrorInfoSchema,
  type BadRequest_FieldViolation,
  type ErrorInfo,
} from "./gen/google/rpc/error_details_pb.js";
import type { Status } from "./gen/google/rpc/status_pb.js";

export type DimonaClient = Client<typeof DimonaService>;

/** Where the service listens unless DIMONA_ADDRESS says otherwise. */
export const defaultAddress = "http://localhost:5000";

/** The service address: env DIMONA_ADDRESS, else http://localhost:5000. */
export function dimonaAddress(): string {
  return process.env.DIMONA_ADDRESS?.trim() || defaultAddress;
}

/** The bearer token sent with every call: env DIMONA_TOKEN, else none (the unsecured channel). */
export function dimonaToken(): string | undefined {
  return process.env.DIMONA_TOKEN?.trim() || undefined;
}

/** An address that is neither http://host[:port], https://host[:port] nor a bare host:port. */
export class BadAddressError extends Error {
  override name = "BadAddressError";
}

/**
 * The base URL of the service at `address`: "http://host:port" (plain-text
 * HTTP/2, the server's protocol) or "https://host:port" (TLS) as given, a
 * trailing slash dropped; a bare "host:port", without a scheme, is taken as
 * "http://host:port". Throws BadAddressError for anything else: another
 * scheme, a path, a query, user info, or no host.
 */
export function serviceUrl(address: string): string {
  const given = address.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    !url.hostname ||
    url.pathname !== "/" ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new BadAddressError(
      `'${address}' is not a Dimona service address: use http://host:port, https://host:port (TLS), ` +
        "or host:port (taken as http://)",
    );
  }
  return `${url.protocol}//${url.host}`;
}

/**
 * A client of dimona.v1.DimonaService speaking gRPC over HTTP/2: plain text
 * for http:// (the server's protocol) or a bare host:port, TLS for https://.
 * Throws BadAddressError for any other address (see serviceUrl). timeoutMs,
 * when given, is the deadline of every call; token (default: DIMONA_TOKEN) is
 * sent with every call as "authorization: Bearer <token>".
 */
export function createDimonaClient(
  address: string = dimonaAddress(),
  options: { timeoutMs?: number; token?: string } = {},
): DimonaClient {
  const token = options.token ?? dimonaToken();
  const transport = createGrpcTransport({
    baseUrl: serviceUrl(address),
    defaultTimeoutMs: options.timeoutMs,
    interceptors: token
      ? [
          (next) => (request) => {
            request.header.set("authorization", `Bearer ${token}`);
            return next(request);
          },
        ]
      : [],
  });
  return createClient(DimonaService, transport);
}

// ---------------------------------------------------------------------------
// Declarations

/** The short name of a status: "ACCEPTED", "REFUSED", ... */
export function statusName(status: DeclarationStatus): string {
  return DeclarationStatus[status] ?? String(status);
}

/** The short name of a severity: "BLOCKING" or "WARNING". */
export function severityName(severity: Severity): string {
  return Severity[severity] ?? String(severity);
}

/** The anomalies that refused a declaration (severity BLOCKING). */
export function blockingAnomalies(declaration: Declaration): Anomaly[] {
  return declaration.anomalies.filter((a) => a.severity === Severity.BLOCKING);
}

/** One line for an anomaly: code, severity, field and message. */
export function formatAnomaly(a: Anomaly): string {
  return `${a.code} ${severityName(a.severity)} on ${a.field || "(no field)"}: ${a.message}`;
}

// ---------------------------------------------------------------------------
// Errors

/**
 * What an error tells a caller, whether it came as a failed call (a
 * ConnectError, its details decoded from grpc-status-details-bin) or as a
 * batch item's google.rpc.Status.
 */
export interface ErrorSummary {
  /** The gRPC status code. */
  code: Code;
  /** Its canonical name, e.g. "INVALID_ARGUMENT". */
  codeName: string;
  /** The status message, without a code prefix. */
  message: string;
  /** The google.rpc.BadRequest field violations, every bad field. */
  fieldViolations: BadRequest_FieldViolation[];
  /** The google.rpc.ErrorInfo (reason, domain), when one was sent. */
  errorInfo: ErrorInfo | undefined;
}

/**
 * The canonical gRPC status code names, indexed by code (0 is OK). Connect's
 * Code enum spells 1 "Canceled"; gRPC spells it CANCELLED.
 */
const grpcCodeNames = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

/**
 * The canonical gRPC name of a code: Code.InvalidArgument -> "INVALID_ARGUMENT",
 * Code.Canceled -> "CANCELLED"; a code outside 0-16 -> "CODE_<n>".
 */
export function codeName(code: Code): string {
  return grpcCodeNames[code] ?? `CODE_${code}`;
}

/** Reads a failed call: its code, message, BadRequest and ErrorInfo. */
export function summarizeError(e: unknown): ErrorSummary {
  const err = ConnectError.from(e);
  return {
    code: err.code,
    codeName: codeName(err.code),
    message: err.rawMessage,
    fieldViolations: err.findDetails(BadRequestSchema).flatMap((b) => b.fieldViolations),
    errorInfo: err.findDetails(ErrorInfoSchema)[0],
  };
}

/**
 * Reads a batch item's google.rpc.Status: its details are google.protobuf.Any
 * values, unpacked here with the schemas of BadRequest and ErrorInfo.
 */
export function summarizeStatus(status: Status): ErrorSummary {
  const fieldViolations: BadRequest_FieldViolation[] = [];
  let errorInfo: ErrorInfo | undefined;
  for (const any of status.details) {
    const badRequest = anyUnpack(any, BadRequestSchema);
    if (badRequest) fieldViolations.push(...badRequest.fieldViolations);
    errorInfo ??= anyUnpack(any, ErrorInfoSchema);
  }
  const code = status.code as Code;
  return { code, codeName: codeName(code), message: status.message, fieldViolations, errorInfo };
}

/** One line for a field violation: "worker.niss: NISS check digits ...". */
export function formatViolation(v: BadRequest_FieldViolation): string {
  return `${v.field}: ${v.description}`;
}

/** One line for an ErrorInfo: "INVALID_REQUEST (domain dimona.v1)". */
export function formatErrorInfo(info: ErrorInfo): string {
  return `${info.reason} (domain ${info.domain})`;
}

/**
 * True when the error means the service could not be reached at all (nothing
 * listening, unknown host: UNAVAILABLE; no answer before the deadline:
 * DEADLINE_EXCEEDED), as opposed to an error the service answered: those
 * always carry an ErrorInfo (UNAVAILABLE with reason STORAGE_UNAVAILABLE is
 * the service speaking).
 */
export function isUnreachable(e: unknown): boolean {
  const err = ConnectError.from(e);
  return (
    (err.code === Code.Unavailable || err.code === Code.DeadlineExceeded) &&
    err.findDetails(ErrorInfoSchema).length === 0
  );
}

// ---------------------------------------------------------------------------
// NISS (Belgian national register number)

/**
 * The two check digits of a NISS given its first nine digits: 97 minus the
 * nine digits, as a number, mod 97; for a birth from 2000 on, the number is
 * the nine digits prefixed with "2".
 */
export function nissCheckDigits(firstNine: string, bornFrom2000: boolean): string {
  const n = BigInt((bornFrom2000 ? "2" : "") + firstNine);
  return String(97n - (n % 97n)).padStart(2, "0");
}

/** True when the NISS has 11 digits and valid check digits (either century). */
export function isValidNiss(niss: string): boolean {
  if (!/^\d{11}$/.test(niss)) return false;
  const nine = niss.slice(0, 9);
  const check = niss.slice(9);
  return nissCheckDigits(nine, false) === check || nissCheckDigits(nine, true) === check;
}

/**
 * A random, valid NISS of someone born between 1960 and 1999 (day 1 to 28,
 * serial 001 to 997). A fresh worker makes every run's IN accepted: the same
 * worker declared twice on the same dates would overlap.
 */
export function randomNiss(): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const year = randomInt(1960, 2000);
  const birth = two(year % 100) + two(randomInt(1, 13)) + two(randomInt(1, 29));
  const nine = birth + String(randomInt(1, 998)).padStart(3, "0");
  return nine + nissCheckDigits(nine, false);
}
