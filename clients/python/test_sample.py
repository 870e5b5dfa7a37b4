"""Runs the sample's five steps against a live service and checks the answers.

From the repository root, with the service running:

    clients/python/generate.sh
    DIMONA_ADDRESS=http://127.0.0.1:5000 /usr/bin/python3 -m unittest discover -s clients/python -v

The live tests fail (they are not skipped) when the service cannot be reached.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import grpc  # noqa: E402

import dimona_client as dc  # noqa: E402
import sample  # noqa: E402

DeclarationStatus = sample.DeclarationStatus


def run_sample(address: str) -> subprocess.CompletedProcess:
    """Runs sample.py with DIMONA_ADDRESS set to address."""
    return subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample.py")],
                          env={**os.environ, "DIMONA_ADDRESS": address}, capture_output=True, text=True,
                          timeout=60)


def is_declaration_number(number: str) -> bool:
    """12 digits, the last two the first ten mod 97."""
    return re.fullmatch(r"\d{12}", number) is not None and int(number[:10]) % 97 == int(number[10:])


class OfflineTest(unittest.TestCase):
    """The client's helpers, without a service."""

    def test_random_niss_has_valid_check_digits(self):
        for _ in range(500):
            niss = sample.random_niss()
            self.assertRegex(niss, r"^\d{11}$")
            self.assertEqual(97 - int(niss[:9]) % 97, int(niss[9:]), niss)
            self.assertTrue(60 <= int(niss[:2]) <= 99, niss)
            self.assertTrue(1 <= int(niss[6:9]) <= 997, niss)

    def test_bad_niss_has_wrong_check_digits(self):
        niss = sample.BAD_NISS
        self.assertNotEqual(97 - int(niss[:9]) % 97, int(niss[9:]))
        self.assertNotEqual(97 - int("2" + niss[:9]) % 97, int(niss[9:]))

    def test_grpc_target_strips_the_scheme(self):
        self.assertEqual("localhost:5000", dc.grpc_target("http://localhost:5000"))
        self.assertEqual("127.0.0.1:5302", dc.grpc_target("http://127.0.0.1:5302/"))
        self.assertEqual("localhost:5000", dc.grpc_target("localhost:5000"))
        self.assertEqual("dimona.example:8443", dc.grpc_target("https://dimona.example:8443"))

    def test_parse_address_http_https_and_bare_host_port(self):
        self.assertEqual(dc.ServiceAddress("http://127.0.0.1:5302", "127.0.0.1:5302", False),
                         dc.parse_address(" http://127.0.0.1:5302/ "))
        # A bare host:port is taken as http://, as in the TypeScript client.
        self.assertEqual(dc.ServiceAddress("http://127.0.0.1:5401", "127.0.0.1:5401", False),
                         dc.parse_address("127.0.0.1:5401"))
        self.assertEqual(dc.ServiceAddress("http://[::1]:5000", "[::1]:5000", False),
                         dc.parse_address("[::1]:5000"))
        self.assertEqual(dc.ServiceAddress("https://dimona.example:8443", "dimona.example:8443", True),
                         dc.parse_address("HTTPS://dimona.example:8443"))
        # Without a port: 443 for https, 80 for http (grpc itself would assume 443 for both).
        self.assertEqual(dc.ServiceAddress("https://dimona.example", "dimona.example:443", True),
                         dc.parse_address("https://dimona.example"))
        self.assertEqual("localhost:80", dc.parse_address("http://localhost").target)

    def test_parse_address_refuses_other_schemes_paths_and_bad_ports(self):
        for bad in ["ftp://host:21", "dns:///host:5000", "http://host:5000/dimona", "host:5000?x=1",
                    "host:port", "host:99999", "http://", "", "http://user@host:5000"]:
            with self.subTest(address=bad), self.assertRaises(dc.BadAddress) as raised:
                dc.parse_address(bad)
            self.assertIn("is not a Dimona service address", str(raised.exception))
        self.assertRaises(dc.BadAddress, dc.connect, "ftp://host:21")

    def test_connect_opens_a_tls_channel_for_https_and_plain_text_for_http(self):
        with mock.patch.object(dc.grpc, "secure_channel", wraps=dc.grpc.secure_channel) as secure, \
                mock.patch.object(dc.grpc, "insecure_channel", wraps=dc.grpc.insecure_channel) as insecure:
            channel, _ = dc.connect("https://dimona.example:8443")
            channel.close()
            self.assertEqual("dimona.example:8443", secure.call_args.args[0])
            self.assertIsInstance(secure.call_args.args[1], grpc.ChannelCredentials)
            insecure.assert_not_called()

            for address in ("http://127.0.0.1:5302", "127.0.0.1:5302"):
                channel, _ = dc.connect(address)
                channel.close()
                self.assertEqual("127.0.0.1:5302", insecure.call_args.args[0])
            self.assertEqual(1, secure.call_count)

    def test_sample_refuses_a_bad_address_with_one_line_and_exit_code_2(self):
        run = run_sample("ftp://127.0.0.1:5401")
        self.assertEqual(2, run.returncode, run.stderr)
        self.assertEqual("", run.stdout)
        self.assertEqual("DIMONA_ADDRESS: 'ftp://127.0.0.1:5401' is not a Dimona service address: use "
                         "http://host:port, https://host:port (TLS), or host:port (taken as http://).\n",
                         run.stderr)

    def test_rich_error_from_status_unpacks_bad_request_and_error_info(self):
        status = dc.status_pb2.Status(code=3, message="Invalid request: worker.niss.")
        status.details.add().Pack(dc.error_details_pb2.BadRequest(field_violations=[
            dc.error_details_pb2.BadRequest.FieldViolation(field="worker.niss", description="bad")]))
        status.details.add().Pack(dc.error_details_pb2.ErrorInfo(reason="INVALID_REQUEST", domain="dimona.v1"))
        error = dc.rich_error_from_status(status)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, error.code)
        self.assertEqual([("worker.niss", "bad")], error.field_violations)
        self.assertEqual("INVALID_REQUEST", error.reason)
        self.assertEqual([], error.other_details)


@unittest.skipUnless(shutil.which("protoc") and os.access(
    os.environ.get("GRPC_PYTHON_PLUGIN", "/usr/bin/grpc_python_plugin"), os.X_OK),
    "needs protoc and grpc_python_plugin")
class GenerateScriptTest(unittest.TestCase):
    """generate.sh, without a service."""

    def test_missing_well_known_protos_name_libprotobuf_dev_and_leave_gen_alone(self):
        marker = os.path.join(dc.GEN_DIR, "dimona", "v1", "dimona_service_pb2_grpc.py")
        with tempfile.TemporaryDirectory() as empty:
            run = subprocess.run([dc.GENERATE_SCRIPT], env={**os.environ, "PROTOBUF_INCLUDE": empty},
                                 capture_output=True, text=True, timeout=60)
        self.assertEqual(1, run.returncode, run.stderr)
        self.assertIn("google/protobuf/timestamp.proto not found: apt-get install libprotobuf-dev", run.stderr)
        self.assertEqual(1, len(run.stderr.splitlines()), run.stderr)
        self.assertTrue(os.path.isfile(marker), "generate.sh removed gen/ before failing")


class FakeBatchStub:
    """A stub whose SubmitDeclarationBatch reads every request message, then
    answers with answer(item_counts): the number of results of each response
    it sends. Its stream ends OK."""

    def __init__(self, answer):
        self.answer = answer

    def SubmitDeclarationBatch(self, requests, timeout=None):  # noqa: N802 (the gRPC method name)
        item_counts = [len(request.items) for request in requests]
        declaration = dc.declaration_pb2.Declaration(status=DeclarationStatus.DECLARATION_STATUS_ACCEPTED)
        for results in self.answer(item_counts):
            yield dc.dimona_service_pb2.SubmitDeclarationBatchResponse(
                results=[dc.dimona_service_pb2.BatchItemResult(declaration=declaration)] * results)


class SubmitBatchOfflineTest(unittest.TestCase):
    """submit_batch against a fake stream, without a service."""

    def test_one_list_per_request_message(self):
        batch = sample.submit_batch(FakeBatchStub(lambda counts: counts))
        self.assertEqual([2, 1], [len(outcomes) for outcomes in batch])

    def test_a_stream_ending_ok_too_early_raises(self):
        with self.assertRaisesRegex(sample.BatchMismatch,
                                    "ended after 1 of 2 responses: request message 2 got no answer"):
            sample.submit_batch(FakeBatchStub(lambda counts: counts[:1]))
        with self.assertRaisesRegex(sample.BatchMismatch, "ended after 0 of 2 responses"):
            sample.submit_batch(FakeBatchStub(lambda counts: []))

    def test_a_response_with_too_few_results_raises(self):
        with self.assertRaisesRegex(sample.BatchMismatch, "response #1 has 1 results for 2 items"):
            sample.submit_batch(FakeBatchStub(lambda counts: [1, 1]))

    def test_a_response_too_many_raises(self):
        with self.assertRaisesRegex(sample.BatchMismatch, "sent response #3, but only 2 request messages"):
            sample.submit_batch(FakeBatchStub(lambda counts: counts + [1]))


class LiveSampleTest(unittest.TestCase):
    """The sample's scenario against the service at DIMONA_ADDRESS."""

    @classmethod
    def setUpClass(cls):
        cls.address = dc.address_from_env()
        cls.channel, cls.stub = dc.connect(cls.address)
        if not dc.wait_until_reachable(cls.channel):
            cls.channel.close()
            raise AssertionError(f"cannot reach the Dimona service at {cls.address}: start it, "
                                 "or set DIMONA_ADDRESS")

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def assert_accepted(self, declaration):
        self.assertEqual(DeclarationStatus.Name(DeclarationStatus.DECLARATION_STATUS_ACCEPTED),
                         DeclarationStatus.Name(declaration.status))
        self.assertTrue(is_declaration_number(declaration.declaration_number), declaration.declaration_number)
        self.assertEqual(declaration.declaration_number, declaration.period_id)
        self.assertEqual([], list(declaration.anomalies))

    def assert_refused_as_inactive(self, declaration):
        self.assertEqual(DeclarationStatus.Name(DeclarationStatus.DECLARATION_STATUS_REFUSED),
                         DeclarationStatus.Name(declaration.status))
        self.assertTrue(is_declaration_number(declaration.declaration_number), declaration.declaration_number)
        self.assertEqual("", declaration.period_id)
        blocking = [a.code for a in declaration.anomalies if a.severity == sample.Severity.SEVERITY_BLOCKING]
        self.assertIn("90373-343", blocking)

    def assert_bad_niss(self, error):
        self.assertIsInstance(error, dc.RichError)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, error.code)
        self.assertIsNotNone(error.bad_request, "no google.rpc.BadRequest in the details")
        self.assertIn(("worker.niss", "NISS check digits do not match (00024-003)."), error.field_violations)
        self.assertIsNotNone(error.error_info, "no google.rpc.ErrorInfo in the details")
        self.assertEqual("INVALID_REQUEST", error.error_info.reason)
        self.assertEqual("dimona.v1", error.error_info.domain)

    def test_1_identify(self):
        employer = sample.identify(self.stub)
        self.assertEqual("Atelier Démo SA", employer.name)
        self.assertEqual("175110801", employer.onss_number)
        self.assertEqual(sample.DEMO_EMPLOYER, employer.enterprise_number)

    def test_2_accepted(self):
        self.assert_accepted(sample.submit_accepted(self.stub))

    def test_3_refused(self):
        self.assert_refused_as_inactive(sample.submit_refused(self.stub))

    def test_4_invalid_argument(self):
        self.assert_bad_niss(sample.submit_invalid(self.stub))

    def test_5_batch(self):
        responses = sample.submit_batch(self.stub)
        self.assertEqual([2, 1], [len(outcomes) for outcomes in responses])
        (accepted, refused), (invalid,) = responses
        self.assert_accepted(accepted)
        self.assert_refused_as_inactive(refused)
        self.assert_bad_niss(invalid)


if __name__ == "__main__":
    unittest.main()
