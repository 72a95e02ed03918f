using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster in a temp folder: trust auth, loopback only, socket in the folder, fsync off (or, durable, with the production
/// settings: fsync, synchronous_commit and full_page_writes on). PostgreSQL refuses to run as root, so as root every tool runs as the
/// <c>postgres</c> OS user through <c>runuser</c>. A durable cluster can be crashed (SIGKILL), be the primary of a synchronous streaming standby
/// made with pg_basebackup, be promoted, and be rebuilt as a standby of another.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string SuperUser = "postgres";
    private const string OsUser = "postgres";
    private const string Root = "/tmp";
    private const string FolderPrefix = "oe-pg-";
    private const string OwnerFile = "owner.pid";

    private readonly string binDirectory;
    private readonly string folder;
    private readonly bool durable;
    private readonly bool replicated;
    private readonly string serverOptions;
    private int stopped;

    private PostgresCluster(string binDirectory, string folder, int port, bool durable = false, bool replicated = false, string serverOptions = "")
    {
        Durable = durable;
        this.binDirectory = binDirectory;
        this.folder = folder;
        this.durable = durable;
        this.replicated = replicated;
        this.serverOptions = serverOptions;
        Port = port;
    }

    public int Port { get; }

    // fsync and synchronous_commit on (as in production) instead of the fast throw-away settings.
    public bool Durable { get; }

    private string DataDirectory => Path.Combine(folder, "data");

    private static bool AsRoot => Environment.UserName == "root";

    public static Task<PostgresCluster> Start(CancellationToken cancellationToken = default) => Start(durable: false, replicated: false, cancellationToken: cancellationToken);

    /// <summary>
    /// Creates and starts a cluster; <paramref name="durable"/> turns on what production runs with (and what a crash test needs);
    /// <paramref name="replicated"/> makes every commit wait for a synchronous standby (start one with <see cref="StartStandbyOf"/> at once);
    /// <paramref name="serverOptions"/> adds <c>postgres -c</c> settings (e.g. <c>-c ssl=on -c ssl_cert_file=…</c>).
    /// </summary>
    public static async Task<PostgresCluster> Start(bool durable, bool replicated = false, string serverOptions = "", CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await EnsureOsUser(cancellationToken);
        }

        await StopOrphans(bin);

        // Short path: the unix socket path must stay under 108 bytes.
        var folder = Path.Combine(Root, FolderPrefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            if (asRoot)
            {
                await PostgresCommand.Run("chown", [$"{OsUser}:", folder], cancellationToken: cancellationToken);
            }

            var initdb = Path.Combine(bin, "initdb");
            await PostgresCommand.Run(
                Wrap(asRoot, initdb),
                Args(asRoot, initdb, "-D", Path.Combine(folder, "data"), "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"),
                folder,
                cancellationToken);

            // A port free a moment ago can be taken before postgres binds it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var cluster = new PostgresCluster(bin, folder, FreePort.Find(), durable || replicated, replicated, serverOptions);
                var (exitCode, output) = await cluster.StartServer(cancellationToken);
                if (exitCode == 0)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    return cluster;
                }

                if (attempt == 3)
                {
                    var log = File.Exists(Path.Combine(folder, "postgres.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "postgres.log"), cancellationToken) : "";
                    throw new InvalidOperationException($"PostgreSQL did not start from {bin} in {folder}:\n{output}\n{log}");
                }
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (Directory.Exists(DataDirectory))
        {
            await PgCtl(Environment.UserName == "root", CancellationToken.None, "stop", "-w", "-m", "fast");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Stops the server in fast mode (open transactions are rolled back, connections dropped); its data stays for <see cref="Restart"/>. Not
    /// immediate mode: this cluster runs with synchronous_commit and fsync off, so a crash-like stop would lose commits clients were told of.
    /// </summary>
    public async Task Stop(CancellationToken cancellationToken = default) =>
        await PgCtl(Environment.UserName == "root", cancellationToken, "stop", "-w", "-m", "fast");

    /// <summary>Starts the server again with the options it was first started with (pg_ctl keeps them in postmaster.opts).</summary>
    public async Task Restart(CancellationToken cancellationToken = default)
    {
        var (exitCode, output) = await PgCtl(Environment.UserName == "root", cancellationToken, "restart", "-w", "-t", "60", "-m", "fast", "-l", Path.Combine(folder, "postgres.log"));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL in {folder} did not restart (pg_ctl exited {exitCode}): {output}");
        }
    }

    /// <summary>
    /// Makes a synchronous streaming standby of <paramref name="primary"/> with pg_basebackup (on a port of its own) and starts it; the primary
    /// runs with <c>synchronous_standby_names = '*'</c>, so a commit is acknowledged only once the standby has it.
    /// </summary>
    public static async Task<PostgresCluster> StartStandbyOf(PostgresCluster primary, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Root, FolderPrefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var standby = new PostgresCluster(primary.binDirectory, folder, FreePort.Find(), durable: true, replicated: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => standby.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await standby.CloneAndStart(primary, cancellationToken);
        return standby;
    }

    /// <summary>True while the postmaster named in postmaster.pid lives.</summary>
    public bool IsUp => PostmasterPid() is { } pid && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>SIGKILLs the postmaster and every backend (what a machine crash does to them) and waits until they are gone; the data stays.</summary>
    public async Task Crash(CancellationToken cancellationToken = default)
    {
        var postmaster = PostmasterPid() ?? throw new InvalidOperationException($"PostgreSQL in {folder} is not running (no postmaster.pid); nothing to crash.");

        var victims = new[] { postmaster }.Concat(ProcessTree.ChildrenOf(postmaster)).ToList();
        foreach (var pid in victims)
        {
            ProcessTree.Kill(pid);
        }

        await ProcessTree.WaitUntilGone(victims, TimeSpan.FromSeconds(60), cancellationToken);
    }

    private int? PostmasterPid()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Promotes this standby to primary and waits until it accepts writes.</summary>
    public async Task Promote(CancellationToken cancellationToken = default)
    {
        var (exitCode, output) = await PgCtl(AsRoot, cancellationToken, "promote", "-w", "-t", "60");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL in {folder} was not promoted (pg_ctl exited {exitCode}): {output}");
        }
    }

    /// <summary>Throws this cluster's data away and makes it, on the same port, a synchronous standby of <paramref name="primary"/>.</summary>
    public async Task RebuildAsStandbyOf(PostgresCluster primary, CancellationToken cancellationToken = default)
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await PgCtl(AsRoot, cancellationToken, "stop", "-w", "-m", "immediate");
        }

        Directory.Delete(DataDirectory, recursive: true);
        await CloneAndStart(primary, cancellationToken);
    }

    private async Task CloneAndStart(PostgresCluster primary, CancellationToken cancellationToken)
    {
        if (AsRoot)
        {
            await PostgresCommand.Run("chown", [$"{OsUser}:", folder], cancellationToken: cancellationToken);
        }

        var basebackup = Path.Combine(binDirectory, "pg_basebackup");
        await PostgresCommand.Run(
            Wrap(AsRoot, basebackup),
            Args(AsRoot, basebackup, "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "-D", DataDirectory,
                "--write-recovery-conf", "--wal-method=stream", "--checkpoint=fast", "--no-sync"),
            folder,
            cancellationToken);
        var (exitCode, output) = await StartServer(cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The standby in {folder} did not start (pg_ctl exited {exitCode}): {output}");
        }
    }

    private Task<(int ExitCode, string Output)> StartServer(CancellationToken cancellationToken) =>
        PgCtl(AsRoot, cancellationToken, "start", "-w", "-t", "60", "-l", Path.Combine(folder, "postgres.log"), "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={folder} {Settings(durable, replicated)} {serverOptions}");

    // Durable: what production runs with. Replicated: a commit waits until a standby has it; a standby runs so too, ready to be promoted.
    // The quotes keep the shell pg_ctl starts postgres with from expanding '*'.
    private static string Settings(bool durable, bool replicated) => (durable, replicated) switch
    {
        (_, true) => "-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300 -c synchronous_standby_names='*' -c wal_keep_size=256MB",
        (true, false) => "-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300",
        _ => "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
    };

    private static string FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            // Follow the symlink (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb) so pg_ctl and postgres come from the same install.
            var target = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
            var directory = Path.GetDirectoryName(target)!;
            if (File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "postgres")))
            {
                return directory;
            }
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "No PostgreSQL binaries found (initdb on PATH or under /usr/lib/postgresql/*/bin). " +
            $"Install them (Debian: apt-get install -y postgresql) or set {PostgresServer.EnvironmentVariable} to a server's connection string.");
    }

    // A test run that was killed leaves its cluster running; stop those whose owning process is gone (never a cluster of a live run).
    private static async Task StopOrphans(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Root, FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (!File.Exists(ownerFile) || !int.TryParse(await File.ReadAllTextAsync(ownerFile), out var owner) || IsRunning(owner))
            {
                continue;
            }

            var orphan = new PostgresCluster(bin, folder, 0);
            await orphan.DisposeAsync();
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task EnsureOsUser(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await PostgresCommand.TryRun("id", ["-u", OsUser], cancellationToken: cancellationToken);
        if (exitCode != 0)
        {
            await PostgresCommand.Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OsUser], cancellationToken: cancellationToken);
        }
    }

    private static string Wrap(bool asRoot, string tool) => asRoot ? "runuser" : tool;

    private static string[] Args(bool asRoot, string tool, params string[] args) => asRoot ? ["-u", OsUser, "--", tool, .. args] : args;

    private Task<(int ExitCode, string Output)> PgCtl(bool asRoot, CancellationToken cancellationToken, params string[] args)
    {
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        return PostgresCommand.TryRun(Wrap(asRoot, pgCtl), Args(asRoot, pgCtl, ["-D", DataDirectory, .. args]), folder, cancellationToken);
    }
}
