"""A thin Python client for dimona.v1.DimonaService.

It puts the generated code (clients/python/gen, made by generate.sh) on the
import path, opens a channel to the address in DIMONA_ADDRESS (sending the
bearer token in DIMONA_TOKEN, if any, with every call), and decodes the
rich errors the service sends: a google.rpc.Status whose details hold a
google.rpc.BadRequest and a google.rpc.ErrorInfo, either in an RpcError's
trailing metadata (unary calls) or as a batch item's error (the batch stream).

Needs Debian's python3-grpcio and python3-protobuf; run it with /usr/bin/python3.
"""

import collections
import os
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from typing import List, Optional, Union

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
GEN_DIR = os.path.join(HERE, "gen")
GENERATE_SCRIPT = os.path.join(HERE, "generate.sh")

DEFAULT_ADDRESS = "http://localhost:5000"
STATUS_DETAILS_KEY = "grpc-status-details-bin"


class GeneratedCodeMissing(ImportError):
    """clients/python/gen does not exist or is incomplete: run generate.sh."""


def _shown(path: str) -> str:
    """path relative to the current directory when it lies below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _import_generated():
    if not os.path.isfile(os.path.join(GEN_DIR, "dimona", "v1", "dimona_service_pb2_grpc.py")):
        raise GeneratedCodeMissing(
            f"The generated code is missing ({_shown(GEN_DIR)}): run {_shown(GENERATE_SCRIPT)} first.")
    if GEN_DIR not in sys.path:
        # gen/google/rpc joins Debian's google/protobuf: both are namespace
        # packages (no __init__.py), so `google` spans both directories.
        sys.path.insert(0, GEN_DIR)


_import_generated()

from dimona.v1 import declaration_pb2  # noqa: E402
from dimona.v1 import dimona_service_pb2  # noqa: E402
from dimona.v1 import dimona_service_pb2_grpc  # noqa: E402
from dimona.v1 import employer_pb2  # noqa: E402
from dimona.v1 import worker_pb2  # noqa: E402
from google.rpc import error_details_pb2  # noqa: E402
from google.rpc import status_pb2  # noqa: E402

__all__ = [
    "declaration_pb2", "dimona_service_pb2", "dimona_service_pb2_grpc", "employer_pb2", "worker_pb2",
    "error_details_pb2", "status_pb2",
    "DEFAULT_ADDRESS", "GeneratedCodeMissing", "BadAddress", "ServiceAddress", "RichError",
    "address_from_env", "token_from_env", "parse_address", "grpc_target", "connect", "wait_until_reachable",
    "rich_error_from_rpc_error", "rich_error_from_status", "batch_item_outcome",
]

_STATUS_CODES = {code.value[0]: code for code in grpc.StatusCode}


def address_from_env() -> str:
    """The service's address: DIMONA_ADDRESS, or http://localhost:5000."""
    return os.environ.get("DIMONA_ADDRESS") or DEFAULT_ADDRESS


def token_from_env() -> Optional[str]:
    """The bearer token to send: DIMONA_TOKEN, or None (the unsecured channel)."""
    return (os.environ.get("DIMONA_TOKEN") or "").strip() or None


class _BearerToken(grpc.UnaryUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds 'authorization: Bearer <token>' to every call's metadata."""

    def __init__(self, token: str):
        self._header = ("authorization", f"Bearer {token}")

    def _with_token(self, details):
        metadata = list(details.metadata or []) + [self._header]
        return _CallDetails(details.method, details.timeout, metadata, details.credentials,
                            details.wait_for_ready, details.compression)

    def intercept_unary_unary(self, continuation, client_call_details, request):
        return continuation(self._with_token(client_call_details), request)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):
        return continuation(self._with_token(client_call_details), request_iterator)


class _CallDetails(collections.namedtuple(
        "_CallDetails", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")),
        grpc.ClientCallDetails):
    """A call's details with the token added to its metadata."""


class BadAddress(ValueError):
    """An address that is neither http://host[:port], https://host[:port] nor a bare host:port."""


@dataclass(frozen=True)
class ServiceAddress:
    """Where the service listens, as parse_address reads an address."""

    url: str      # 'http://host:port' or 'https://host:port', the port left out when it is the default
    target: str   # 'host:port', what grpc dials
    secure: bool  # True for https:// (TLS), False for http:// (plain-text HTTP/2)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_address(address: str) -> ServiceAddress:
    """Reads a service address: 'http://host:port' (plain-text HTTP/2, the
    server's protocol) or 'https://host:port' (TLS), a trailing slash dropped;
    a bare 'host:port', without a scheme, is taken as 'http://host:port'.
    Without a port, http means 80 and https 443. Raises BadAddress for
    anything else: another scheme, a path, a query, user info, or no host."""
    given = address.strip()
    with_scheme = given if _SCHEME.match(given) else "http://" + given
    try:
        parts = urllib.parse.urlsplit(with_scheme)
        scheme = parts.scheme.lower()
        port = parts.port  # raises ValueError for a port that is not a number in 0-65535
        if (scheme not in _DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/")
                or parts.query or parts.fragment or "@" in parts.netloc):
            raise ValueError(address)
    except ValueError:
        raise BadAddress(f"'{address}' is not a Dimona service address: use http://host:port, "
                         "https://host:port (TLS), or host:port (taken as http://)") from None
    host = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    default_port = _DEFAULT_PORTS[scheme]
    port = default_port if port is None else port
    url = f"{scheme}://{host}" if port == default_port else f"{scheme}://{host}:{port}"
    return ServiceAddress(url=url, target=f"{host}:{port}", secure=scheme == "https")


def grpc_target(address: str) -> str:
    """grpc wants host:port: 'http://localhost:5000/' and 'localhost:5000' become
    'localhost:5000' (see parse_address; raises BadAddress)."""
    return parse_address(address).target


def connect(address: Optional[str] = None, token: Optional[str] = None):
    """Opens a channel to the address (DIMONA_ADDRESS when None); returns
    (channel, stub). http:// and a bare host:port open a plain-text (HTTP/2
    without TLS) channel, https:// a TLS one with the default root
    certificates. Raises BadAddress for any other address. Every call carries
    'authorization: Bearer <token>' (DIMONA_TOKEN when None; no token at all,
    the unsecured channel, when that is empty too).

    Close the channel when done (it is a context manager)."""
    where = parse_address(address or address_from_env())
    if where.secure:
        channel = grpc.secure_channel(where.target, grpc.ssl_channel_credentials())
    else:
        channel = grpc.insecure_channel(where.target)
    bearer = token or token_from_env()
    if bearer:
        channel = grpc.intercept_channel(channel, _BearerToken(bearer))
    return channel, dimona_service_pb2_grpc.DimonaServiceStub(channel)


def wait_until_reachable(channel: grpc.Channel, timeout: float = 5.0) -> bool:
    """True once the channel connects, False if it cannot within timeout seconds."""
    try:
        grpc.channel_ready_future(channel).result(timeout=timeout)
        return True
    except grpc.FutureTimeoutError:
        return False


@dataclass
class RichError:
    """An error of the service, its google.rpc.Status details unpacked."""

    code: grpc.StatusCode
    message: str
    bad_request: Optional[error_details_pb2.BadRequest] = None
    error_info: Optional[error_details_pb2.ErrorInfo] = None
    # Details of any other type, left packed (google.protobuf.Any).
    other_details: List = field(default_factory=list)

    @property
    def reason(self) -> str:
        return self.error_info.reason if self.error_info else ""

    @property
    def field_violations(self):
        """[(field, description)] from the BadRequest, empty when there is none."""
        if self.bad_request is None:
            return []
        return [(v.field, v.description) for v in self.bad_request.field_violations]


def rich_error_from_status(status: status_pb2.Status) -> RichError:
    """Decodes a google.rpc.Status: a batch item's error, or a call's trailer."""
    code = _STATUS_CODES.get(status.code, grpc.StatusCode.UNKNOWN)
    error = RichError(code=code, message=status.message)
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            error.bad_request = error_details_pb2.BadRequest()
            detail.Unpack(error.bad_request)
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            error.error_info = error_details_pb2.ErrorInfo()
            detail.Unpack(error.error_info)
        else:
            error.other_details.append(detail)
    return error


def rich_error_from_rpc_error(rpc_error: grpc.RpcError) -> RichError:
    """Decodes a failed call: the google.rpc.Status serialized in the trailing
    metadata 'grpc-status-details-bin', or the bare code and message when the
    server sent no details (for instance when it cannot be reached)."""
    for key, value in rpc_error.trailing_metadata() or ():
        if key == STATUS_DETAILS_KEY:
            return rich_error_from_status(status_pb2.Status.FromString(value))
    return RichError(code=rpc_error.code(), message=rpc_error.details() or "")


def batch_item_outcome(result: dimona_service_pb2.BatchItemResult
                       ) -> Union[declaration_pb2.Declaration, RichError]:
    """A batch item's result: its Declaration, or its error decoded."""
    kind = result.WhichOneof("result")
    if kind == "declaration":
        return result.declaration
    if kind == "error":
        return rich_error_from_status(result.error)
    raise ValueError("batch item result has neither a declaration nor an error")
