using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The package <c>dotnet pack</c> makes of clients/Dimona.Client, used as a stranger would use it: a new project that
/// references only the package, with the program of the package's README as its Program.cs, built and run against the
/// real server. Restores into a folder of its own, so no earlier package is taken from the cache.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class ClientPackageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 600_000)]
    public async Task Package_HoldsTheContract_AndItsReadmeProgramRunsAgainstTheService()
    {
        using var temp = new TempPaths();
        var root = temp.NewPath("");
        var feed = Path.Combine(root, "feed");
        var project = Path.Combine(root, "readme-program");
        Directory.CreateDirectory(project);
        var configuration = typeof(ClientPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var client = Path.Combine(ServerProcess.RepositoryRoot, "clients", "Dimona.Client");

        await RunAsync(ServerProcess.RepositoryRoot, "pack", client, "-c", configuration, "-o", feed);
        var package = Assert.Single(Directory.GetFiles(feed, "Dimona.Client.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains("lib/net10.0/Dimona.Client.dll", entries);
            Assert.Contains("lib/net10.0/Dimona.Contract.dll", entries);
            Assert.Contains("README.md", entries);
        }

        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var readme = await File.ReadAllTextAsync(Path.Combine(client, "README.md"), Ct);
        var program = CSharpBlock().Match(readme).Groups["code"].Value;
        Assert.Contains("http://localhost:5000", program, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), program.Replace("http://localhost:5000", server.Address.ToString().TrimEnd('/'), StringComparison.Ordinal), Ct);
        await File.WriteAllTextAsync(Path.Combine(project, "ReadmeProgram.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RestoreSources>{feed};https://api.nuget.org/v3/index.json</RestoreSources>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dimona.Client" Version="*" />
              </ItemGroup>
            </Project>
            """, Ct);
        // Outside the repository: no Directory.Build.props or central package versions of ours apply.
        await File.WriteAllTextAsync(Path.Combine(root, "Directory.Build.props"), "<Project />", Ct);
        await File.WriteAllTextAsync(Path.Combine(root, "Directory.Packages.props"), "<Project />", Ct);

        var output = await RunAsync(project, "run", "--project", project);

        Assert.Matches(@"^(Accepted|AcceptedWithWarnings|Refused) [0-9]{12}$", output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
    }

    /// <summary>Runs dotnet with <paramref name="arguments"/> in <paramref name="folder"/>; fails with its output unless it exits 0.</summary>
    private static async Task<string> RunAsync(string folder, params string[] arguments)
    {
        var run = await ToolRun.RunAsync(folder, ServerProcess.DotnetHost(), arguments, new Dictionary<string, string> { ["DIMONA_TOKEN"] = Integration.TestTokens.Default });
        Assert.True(run.ExitCode == 0, run.Output);
        return run.StandardOutput;
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
