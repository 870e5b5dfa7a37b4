using System.Security.Authentication;
using Dimona.Console.Output;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Console.Tests;

public class RpcErrorPrinterTests
{
    [Fact]
    public void Print_InvalidArgumentWithBadRequest_PrintsStatusReasonAndEachField()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The request is malformed.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        new BadRequest.Types.FieldViolation { Field = "worker.niss", Description = "Check digits do not match." },
                        new BadRequest.Types.FieldViolation { Field = "dimona_in.start_date", Description = "Not a date (YYYY-MM-DD)." },
                    },
                }),
                Any.Pack(new ErrorInfo { Reason = "INVALID_REQUEST", Domain = "dimona.v1" }),
            },
        };
        var writer = new StringWriter();

        RpcErrorPrinter.Print(status.ToRpcException(), writer);

        Assert.Equal(
            """
            error: InvalidArgument: The request is malformed.
              reason: INVALID_REQUEST
              worker.niss: Check digits do not match.
              dimona_in.start_date: Not a date (YYYY-MM-DD).

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_NotFoundWithErrorInfoOnly_PrintsStatusAndReason()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.NotFound,
            Message = "No declaration has number 658690837083.",
            Details = { Any.Pack(new ErrorInfo { Reason = "DECLARATION_NOT_FOUND", Domain = "dimona.v1" }) },
        };
        var writer = new StringWriter();

        RpcErrorPrinter.Print(status.ToRpcException(), writer);

        Assert.Equal(
            """
            error: NotFound: No declaration has number 658690837083.
              reason: DECLARATION_NOT_FOUND

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_Unauthenticated_SaysWhereTheTokenGoes()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.Unauthenticated,
            Message = "This call needs a bearer token.",
            Details = { Any.Pack(new ErrorInfo { Reason = "TOKEN_REQUIRED", Domain = "dimona.v1" }) },
        };
        var writer = new StringWriter();

        RpcErrorPrinter.Print(status.ToRpcException(), writer);

        Assert.Equal(
            """
            error: Unauthenticated: This call needs a bearer token.
              reason: TOKEN_REQUIRED
              give a token with --token or DIMONA_TOKEN

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_TlsHandshakeRefused_SaysWhereTheAuthorityAndCertificateGo()
    {
        var handshake = new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));
        var exception = new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, "Error starting gRPC call.", handshake));
        var writer = new StringWriter();

        RpcErrorPrinter.Print(exception, writer, new Uri("https://dimona.test:5001"));

        Assert.Equal(
            """
            error: Internal: Error starting gRPC call.
              a service whose certificate a private authority issued: give that authority with --ca-file or DIMONA_CA_FILE
              a service asking for a client certificate: give yours with --client-cert or DIMONA_CLIENT_CERT

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_PlainStatus_PrintsOneLine()
    {
        var writer = new StringWriter();

        RpcErrorPrinter.Print(new RpcException(new global::Grpc.Core.Status(StatusCode.PermissionDenied, "Not\nallowed.")), writer);

        Assert.Equal($"error: PermissionDenied: Not allowed.{Environment.NewLine}", writer.ToString());
    }

    [Fact]
    public void Print_UnreachableServer_PrintsAddressAndCauseOnOneLine()
    {
        var cause = new HttpRequestException("Error connecting.", new IOException("Connection refused"));
        var exception = new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "Error connecting to subchannel.", cause));
        var writer = new StringWriter();

        RpcErrorPrinter.Print(exception, writer, new Uri("http://localhost:5000"));

        Assert.Equal(
            $"error: Unavailable: cannot reach the Dimona service at http://localhost:5000/ (Connection refused){Environment.NewLine}",
            writer.ToString());
    }

    [Fact]
    public void Print_UnimplementedWithoutMessage_SaysTheServiceDoesNotOfferTheCall()
    {
        var writer = new StringWriter();

        RpcErrorPrinter.Print(new RpcException(new global::Grpc.Core.Status(StatusCode.Unimplemented, "")), writer);

        Assert.Equal(
            $"error: Unimplemented: the Dimona service does not offer this call (an older version of the service?){Environment.NewLine}",
            writer.ToString());
    }

    [Fact]
    public void Print_UnimplementedWithAMessage_PrintsTheMessage()
    {
        var writer = new StringWriter();

        RpcErrorPrinter.Print(new RpcException(new global::Grpc.Core.Status(StatusCode.Unimplemented, "Not yet.")), writer, new Uri("http://localhost:5000"));

        Assert.Equal($"error: Unimplemented: Not yet.{Environment.NewLine}", writer.ToString());
    }
}
