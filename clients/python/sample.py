"""The Dimona sample: five calls a newcomer can run against a live service.

    clients/python/generate.sh
    DIMONA_ADDRESS=http://localhost:5000 /usr/bin/python3 clients/python/sample.py

1. identify an employer; 2. a Dimona IN that is accepted; 3. one that is
refused (inactive employer); 4. one that is malformed (INVALID_ARGUMENT with
a BadRequest and an ErrorInfo); 5. the same three over the batch stream.

Each step is a function returning what the service answered; main() prints
it. test_sample.py runs the same functions and checks their results.
"""

import datetime
import random
import sys
import uuid

import grpc

try:
    import dimona_client as dc
except ImportError as missing:  # dimona_client.GeneratedCodeMissing, or grpc/protobuf absent
    if __name__ == "__main__":
        print(missing, file=sys.stderr)
        sys.exit(2)
    raise

DeclarationStatus = dc.declaration_pb2.DeclarationStatus
Severity = dc.declaration_pb2.Severity

DEMO_EMPLOYER = "0403019261"       # Atelier Démo SA, active
INACTIVE_EMPLOYER = "0812345603"   # Ancienne Brasserie SA, inactive: its declarations are refused
BAD_NISS = "93051822362"           # wrong check digits
CALL_TIMEOUT = 10.0                # seconds, per call


def random_niss(rng: random.Random = random) -> str:
    """A fresh valid NISS of someone born 1960-1999: YYMMDD, a serial 001-997
    and two check digits, 97 - (the first nine digits mod 97). A new worker
    each run, so the IN never overlaps an earlier period."""
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(40 * 365))
    first_nine = f"{birth:%y%m%d}{rng.randint(1, 997):03d}"
    return first_nine + f"{97 - int(first_nine) % 97:02d}"


def dimona_in_request(enterprise_number: str, niss: str):
    """A Dimona IN of an ordinary worker (OTH) from 2030-01-01, open-ended,
    with a fresh request id."""
    pb = dc.dimona_service_pb2
    return pb.SubmitDeclarationRequest(
        request_id=str(uuid.uuid4()),
        employer=dc.employer_pb2.EmployerId(enterprise_number=enterprise_number),
        worker=dc.worker_pb2.Worker(niss=niss),
        dimona_in=dc.declaration_pb2.DimonaIn(
            start_date="2030-01-01",
            joint_committee="XXX",
            worker_type=dc.declaration_pb2.WORKER_TYPE_OTH,
        ),
    )


# --- the five steps -----------------------------------------------------------

def identify(stub):
    """Step 1: the employer with enterprise number 0403019261."""
    request = dc.dimona_service_pb2.IdentifyEmployerRequest(
        employer=dc.employer_pb2.EmployerId(enterprise_number=DEMO_EMPLOYER))
    return stub.IdentifyEmployer(request, timeout=CALL_TIMEOUT).employer


def submit_accepted(stub):
    """Step 2: an IN for a new worker at the active employer: ACCEPTED."""
    request = dimona_in_request(DEMO_EMPLOYER, random_niss())
    return stub.SubmitDeclaration(request, timeout=CALL_TIMEOUT).declaration


def submit_refused(stub):
    """Step 3: the same IN at the inactive employer: REFUSED (90373-343)."""
    request = dimona_in_request(INACTIVE_EMPLOYER, random_niss())
    return stub.SubmitDeclaration(request, timeout=CALL_TIMEOUT).declaration


def submit_invalid(stub):
    """Step 4: an IN whose NISS has wrong check digits. The call fails with
    INVALID_ARGUMENT; returns the error decoded (a dimona_client.RichError)."""
    request = dimona_in_request(DEMO_EMPLOYER, BAD_NISS)
    try:
        declaration = stub.SubmitDeclaration(request, timeout=CALL_TIMEOUT).declaration
    except grpc.RpcError as error:
        return dc.rich_error_from_rpc_error(error)
    raise AssertionError(
        f"expected INVALID_ARGUMENT, got declaration {declaration.declaration_number}")


class BatchMismatch(Exception):
    """The batch stream did not answer each request message with exactly one
    response holding one result per item."""


def submit_batch(stub):
    """Step 5: two request messages over SubmitDeclarationBatch, the first with
    an accepted and a refused IN, the second with the malformed one. Returns
    one list per response message, in order, each with one outcome per item
    in the order of its items: a Declaration, or a dimona_client.RichError.

    Raises BatchMismatch when the stream, even ending with OK, does not answer
    every request message with one response holding as many results as the
    message had items."""
    pb = dc.dimona_service_pb2
    messages = [
        pb.SubmitDeclarationBatchRequest(items=[
            dimona_in_request(DEMO_EMPLOYER, random_niss()),
            dimona_in_request(INACTIVE_EMPLOYER, random_niss()),
        ]),
        pb.SubmitDeclarationBatchRequest(items=[
            dimona_in_request(DEMO_EMPLOYER, BAD_NISS),
        ]),
    ]

    # The stream reads request messages from an iterator; a bulk upload can
    # produce them lazily with a generator. When it is exhausted grpc
    # half-closes the stream, and the server ends it once every message is
    # answered.
    responses = stub.SubmitDeclarationBatch(iter(messages), timeout=3 * CALL_TIMEOUT)
    outcomes = []
    for number, response in enumerate(responses, start=1):
        if number > len(messages):
            raise BatchMismatch(f"the batch stream sent response #{number}, "
                                f"but only {len(messages)} request messages were sent")
        items = len(messages[number - 1].items)
        if len(response.results) != items:
            raise BatchMismatch(f"batch response #{number} has {len(response.results)} results for {items} items")
        outcomes.append([dc.batch_item_outcome(result) for result in response.results])
    if len(outcomes) != len(messages):
        raise BatchMismatch(f"the batch stream ended after {len(outcomes)} of {len(messages)} responses: "
                            f"request message {len(outcomes) + 1} got no answer")
    return outcomes


# --- printing -----------------------------------------------------------------

def status_name(declaration) -> str:
    return DeclarationStatus.Name(declaration.status).removeprefix("DECLARATION_STATUS_")


def anomaly_line(anomaly) -> str:
    severity = Severity.Name(anomaly.severity).removeprefix("SEVERITY_")
    return f"{anomaly.code} {severity} on {anomaly.field}: {anomaly.message}"


def declaration_lines(declaration):
    line = f"{status_name(declaration)}: declaration {declaration.declaration_number}"
    if declaration.period_id:
        line += f", period {declaration.period_id}"
    return [line] + ["  anomaly " + anomaly_line(a) for a in declaration.anomalies]


def error_lines(error):
    lines = [f"error {error.code.name} ({error.code.value[0]}): {error.message}"]
    lines += [f"  bad field {f}: {description}" for f, description in error.field_violations]
    if error.error_info is not None:
        lines.append(f"  reason {error.error_info.reason}, domain {error.error_info.domain}")
    return lines


def outcome_lines(outcome):
    if isinstance(outcome, dc.RichError):
        return error_lines(outcome)
    return declaration_lines(outcome)


def run(stub, out=print):
    employer = identify(stub)
    out(f"1. identify {DEMO_EMPLOYER}")
    out(f"   {employer.name}, ONSS number {employer.onss_number}")

    accepted = submit_accepted(stub)
    out(f"2. Dimona IN, worker {accepted.worker.niss} at {DEMO_EMPLOYER}")
    for line in declaration_lines(accepted):
        out("   " + line)

    refused = submit_refused(stub)
    out(f"3. Dimona IN, worker {refused.worker.niss} at {INACTIVE_EMPLOYER} (inactive)")
    for line in declaration_lines(refused):
        out("   " + line)

    invalid = submit_invalid(stub)
    out(f"4. Dimona IN, worker {BAD_NISS} (bad check digits)")
    for line in error_lines(invalid):
        out("   " + line)

    batch = submit_batch(stub)
    out("5. batch: message 1 = [valid IN, IN at the inactive employer], message 2 = [IN with the bad NISS]")
    for m, outcomes in enumerate(batch, start=1):
        for i, outcome in enumerate(outcomes, start=1):
            first, *rest = outcome_lines(outcome)
            out(f"   message {m} item {i}: {first}")
            for line in rest:
                out("   " + line)


def main() -> int:
    try:
        address = dc.parse_address(dc.address_from_env()).url
    except dc.BadAddress as bad:
        print(f"DIMONA_ADDRESS: {bad}.", file=sys.stderr)
        return 2
    print(f"Dimona service at {address}")
    channel, stub = dc.connect(address)
    with channel:
        if not dc.wait_until_reachable(channel):
            print(f"Cannot reach the Dimona service at {address}: start it, or set DIMONA_ADDRESS.",
                  file=sys.stderr)
            return 1
        try:
            run(stub)
        except grpc.RpcError as error:
            failure = dc.rich_error_from_rpc_error(error)
            print(f"The service failed: {failure.code.name}: {failure.message}", file=sys.stderr)
            return 1
        except BatchMismatch as mismatch:
            print(f"The sample failed: {mismatch}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
