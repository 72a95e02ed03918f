using System.Globalization;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.Packaging.Tests;

// Packs every engine project the way a release would (`dotnet pack -c Release`) into a folder feed, then checks the packages and builds an
// application outside the repository that references them from that feed, not the projects.
[TestFixture]
public class When_the_engine_is_packed
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly string[] Packages =
    [
        "OrderEats.Engine.Abstractions", "OrderEats.Engine", "OrderEats.Engine.RabbitMQ", "OrderEats.Engine.Sql", "OrderEats.Engine.Testing", "OrderEats.Engine.AcceptanceTesting",
        "OrderEats.Engine.ConsoleReporting",
    ];

    private readonly string version = "1.0.0-packagetest." + Clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    private string work = null!;
    private string feed = null!;

    [OneTimeSetUp]
    public async Task Pack()
    {
        var root = RepositoryRoot.Find();
        // artifacts/ is ignored by git.
        work = Path.Combine(root, "artifacts", "package-test");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        feed = Path.Combine(work, "feed");
        Directory.CreateDirectory(work);
        var solution = Path.Combine(work, "engine.slnx");
        File.WriteAllText(solution, "<Solution>" + string.Concat(Packages.Select(p => $"<Project Path=\"../../Engine/{p}/{p}.csproj\" />")) + "</Solution>");
        // Release, as the test command builds the engine already: pack's build is then an up-to-date check. PackageVersion (not Version) keeps
        // the assemblies as built; the unique prerelease version keeps this run's packages apart from any other.
        await DotNetCli.Run(root, TimeSpan.FromMinutes(10), null, "pack", solution, "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "-nodeReuse:false");
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestCaseSource(nameof(Packages))]
    public void Should_carry_the_readme_docs_license_and_repository(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName == id + ".nuspec").Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Value("readme"), Is.EqualTo("README.md"));
            Assert.That(entries, Does.Contain("README.md"));
            Assert.That(entries, Does.Contain($"lib/net10.0/{id}.dll"));
            Assert.That(entries, Does.Contain($"lib/net10.0/{id}.xml"), "XML documentation ships with the package");
            Assert.That(Value("license"), Is.EqualTo("MIT"));
            Assert.That(Value("description"), Is.Not.Empty);
            Assert.That(repository.Attribute("type")?.Value, Is.EqualTo("git"));
            Assert.That(repository.Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"));
        });
    }

    [TestCaseSource(nameof(Packages))]
    public void Should_contain_a_deterministic_assembly_with_mapped_source_paths(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        using var dll = new MemoryStream();
        using (var entry = package.GetEntry($"lib/net10.0/{id}.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        using var reader = new PEReader(dll);
        var debug = reader.ReadDebugDirectory();
        var codeView = reader.ReadCodeViewDebugDirectoryData(debug.Single(d => d.Type == DebugDirectoryEntryType.CodeView));

        Assert.Multiple(() =>
        {
            Assert.That(debug.Select(d => d.Type), Does.Contain(DebugDirectoryEntryType.Reproducible), "compiled with /deterministic");
            Assert.That(codeView.Path, Does.StartWith("/_/"), "source paths are mapped, so no build machine's folders end up in the assembly");
        });
    }

    [Test]
    public async Task Should_run_a_saga_in_an_application_that_references_the_packages_from_a_folder_feed()
    {
        var consumer = Path.Combine(Path.GetTempPath(), "ordereats-consumer-" + Guid.NewGuid().ToString("N"));
        ConsumerProject.Write(consumer, feed, version);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try
        {
            // A private packages folder: this run's OrderEats packages never enter the machine's cache; everything else comes from the cache or the registry.
            await DotNetCli.Run(consumer, TimeSpan.FromMinutes(10), null,
                "build", "-c", "Release", "-p:RestorePackagesPath=" + Path.Combine(consumer, "packages"), "-p:RestoreAdditionalProjectFallbackFolders=" + globalPackages, "-nodeReuse:false");
            var output = await DotNetCli.Run(consumer, TimeSpan.FromMinutes(2), null, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));

            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain("endpoint saga completed True"));
                Assert.That(output, Does.Contain("testable saga completed True"));
                Assert.That(Directory.Exists(Path.Combine(consumer, "packages", "ordereats.engine", version)), Is.True, "the engine came from the packed package");
            });
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }
}
