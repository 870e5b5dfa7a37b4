using Dimona.Grpc.Security;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;
using Scopes = Dimona.Grpc.Domain.Scopes;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// Authentication as an operator meets it with the built server: no way to validate tokens outside Development stops
/// start-up with one line naming the keys to set; the development issuer mints a token with the server's
/// <c>token</c> verb, which the server accepts, while tokens it did not sign or that expired are refused.
/// </summary>
[Collection(ProcessCollection.Name)]
public class AuthProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> WithoutKeys = new()
    {
        ["Dimona__Auth__SigningKeys__0"] = "",
        ["Dimona__Auth__Issuer"] = "",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 90_000)]
    public async Task Start_InProductionWithoutKeysOrAuthority_ExitsOneWithOneLineNamingTheKeys()
    {
        await using var server = ServerProcess.Start(environment: WithoutKeys);
        var exitCode = await server.WaitForExitAsync(ExitTimeout, Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        var errors = server.StandardError.Where(l => l.Trim().Length > 0).ToList();
        Assert.True(errors.Count == 1, $"{errors.Count} lines on standard error, not 1.\n{server.Output}");
        Assert.StartsWith("dimona: cannot authenticate callers:", errors[0], StringComparison.Ordinal);
        Assert.Contains("Dimona:Auth:SigningKeys", errors[0], StringComparison.Ordinal);
        Assert.Contains("Dimona:Auth:Authority", errors[0], StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_InProductionWithAnHttpAuthority_ExitsOneWithOneLine()
    {
        await using var server = ServerProcess.Start(environment: new Dictionary<string, string> { ["Dimona__Auth__Authority"] = "http://127.0.0.1:1/realms/x" });
        var exitCode = await server.WaitForExitAsync(ExitTimeout, Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        var line = Assert.Single(server.StandardError, l => l.Trim().Length > 0);
        Assert.StartsWith("dimona: cannot authenticate callers: Dimona:Auth:Authority is 'http://127.0.0.1:1/realms/x', an http:// address", line, StringComparison.Ordinal);
        Assert.Contains("Dimona:Auth:RequireHttpsMetadata", line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), ServerProcess.IsStackFrame);
    }

    [Fact(Timeout = 120_000)]
    public async Task AuthorityUnreachable_TokenOfAnotherKeyIsUnavailableToRetry_TokensOfConfiguredKeysStillServe()
    {
        await using var server = ServerProcess.Start(environment: new Dictionary<string, string> { ["Dimona__Auth__Authority"] = "https://127.0.0.1:1/realms/x" });
        await server.WaitReadyAsync(Ct);
        var otherKey = TestTokens.Mint(["0403019261"], Scopes.Declare, key: Convert.ToBase64String(new byte[32]), issuer: "https://127.0.0.1:1/realms/x");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => new DimonaService.DimonaServiceClient(server.CreateChannel(otherKey))
                .SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.Equal("AUTHORITY_UNAVAILABLE", refused.GetRpcStatus()?.Reason());
        }
        var declared = await new DimonaService.DimonaServiceClient(server.CreateChannel()).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);
        Assert.Equal(DeclarationStatus.Accepted, declared.Declaration.Status);
    }

    [Fact(Timeout = 180_000)]
    public async Task DevelopmentIssuer_TokenVerb_MintsATokenTheServerAccepts_AndNoOtherKeysTokens()
    {
        var environment = new Dictionary<string, string>(WithoutKeys) { ["Dimona__Auth__DevelopmentIssuer"] = "true" };
        await using var server = ServerProcess.Start(environment: environment);
        var keyFile = Path.ChangeExtension(server.DatabasePath, ".dev-signing-key");
        try
        {
            await server.WaitReadyAsync(Ct);
            // Outside Development the hint is a warning, and it asks for the same program with the same settings.
            var output = server.StandardOutput;
            var hint = output.ToList().FindIndex(line => line.Contains("Development issuer on", StringComparison.Ordinal) && line.Contains(" token ", StringComparison.Ordinal));
            Assert.True(hint > 0, server.Output);
            Assert.StartsWith("warn:", output[hint - 1], StringComparison.Ordinal);
            Assert.Contains("this program with the same settings", output[hint], StringComparison.Ordinal);
            Assert.Contains("Dimona.Grpc.dll token ...", output[hint], StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            var minted = await MintAsync(server, environment, "--employer", "0403019261", "--scope", "declare,consult", "--subject", "payroll-7");
            Assert.Equal(0, minted.ExitCode);
            var token = minted.StandardOutput.Trim();
            Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", token);

            var client = new DimonaService.DimonaServiceClient(server.CreateChannel(token));
            var declared = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;
            var read = (await client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = declared.DeclarationNumber }, cancellationToken: Ct)).Declaration;
            Assert.Equal(declared.DeclarationNumber, read.DeclarationNumber);

            var key = await File.ReadAllTextAsync(keyFile, Ct);
            var expired = TestTokens.Mint(["0403019261"], Scopes.Declare, key: key, issuer: DevelopmentIssuer.Issuer, lifetime: TimeSpan.FromHours(1));
            var otherKey = TestTokens.Mint(["0403019261"], Scopes.Declare, key: Convert.ToBase64String(new byte[32]), issuer: DevelopmentIssuer.Issuer);
            foreach (var refused in new[] { expired, otherKey })
            {
                var status = await Assert.ThrowsAsync<RpcException>(() => new DimonaService.DimonaServiceClient(server.CreateChannel(refused))
                    .SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
                Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
            }
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task TokenVerb_WithoutTheDevelopmentIssuer_ExitsOneWithOneLine()
    {
        var run = await ToolRun.RunAsync(Path.GetTempPath(), ServerProcess.DotnetHost(),
            [Path.Combine(ServerProcess.ProgramFolder, "Dimona.Grpc.dll"), "token", "--employer", "0403019261", "--scope", "declare"],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Contains("the development issuer is off", run.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task TokenVerb_Help_PrintsTheUsageAndExitsZero()
    {
        var run = await ToolRun.RunAsync(Path.GetTempPath(), ServerProcess.DotnetHost(),
            [Path.Combine(ServerProcess.ProgramFolder, "Dimona.Grpc.dll"), "token", "--help"],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("usage: token --employer", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--scope", run.StandardOutput, StringComparison.Ordinal);
    }

    private static Task<ToolRun> MintAsync(ServerProcess server, Dictionary<string, string> environment, params string[] options)
    {
        var variables = new Dictionary<string, string>(environment.Where(e => e.Value.Length > 0))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Dimona__DatabasePath"] = server.DatabasePath,
        };
        return ToolRun.RunAsync(Path.GetTempPath(), ServerProcess.DotnetHost(),
            [Path.Combine(ServerProcess.ProgramFolder, "Dimona.Grpc.dll"), "token", .. options], variables);
    }
}
