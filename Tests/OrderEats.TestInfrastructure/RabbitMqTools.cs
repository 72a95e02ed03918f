using System.Diagnostics;
using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>Runs RabbitMQ's server and command-line tools for a private node, with the node's environment (cookie, epmd port, folders).</summary>
internal static class RabbitMqTools
{
    /// <summary>A process for <paramref name="fileName"/> with <paramref name="environment"/> added to its environment; not started.</summary>
    public static Process NewProcess(IReadOnlyDictionary<string, string> environment, string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new Process { StartInfo = info };
    }

    /// <summary>Runs <paramref name="tool"/> (rabbitmqctl, rabbitmq-queues…) from <paramref name="serverDirectory"/> against node <paramref name="nodeName"/>; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> Run(
        IReadOnlyDictionary<string, string> environment, string serverDirectory, string tool, string nodeName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var control = NewProcess(environment, Path.Combine(serverDirectory, tool), ["-n", nodeName, .. arguments]);
        control.StartInfo.RedirectStandardOutput = true;
        control.StartInfo.RedirectStandardError = true;
        control.Start();
        var output = control.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = control.StandardError.ReadToEndAsync(cancellationToken);
        await control.WaitForExitAsync(cancellationToken);
        return (control.ExitCode, (await output) + (await error));
    }

    /// <summary>
    /// Writes the configuration, plugin and env files of a private node in <paramref name="folder"/> (<paramref name="extraConfiguration"/> is
    /// appended to rabbitmq.conf) and returns the environment its server and tools run with: loopback only, its own ports, epmd and folders.
    /// </summary>
    public static async Task<Dictionary<string, string>> PrepareNode(
        string folder, string home, string nodeName, int amqpPort, int distPort, int epmdPort, string extraConfiguration, CancellationToken cancellationToken)
    {
        var config = Path.Combine(folder, "rabbitmq.conf");
        await File.WriteAllTextAsync(
            config,
            string.Create(
                CultureInfo.InvariantCulture,
                $"""
                listeners.tcp.1 = 127.0.0.1:{amqpPort}
                # A test that leaks memory or fills the disk trips an alarm instead of taking the shared machine with it.
                vm_memory_high_watermark.absolute = 1GB
                disk_free_limit.absolute = 100MB
                raft.wal_max_size_bytes = 64000000
                log.file.level = warning
                log.console = false

                """) + extraConfiguration,
            cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "", cancellationToken);
        return new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        };
    }
}
