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
    /// Writes the plugin and env files of a private node in <paramref name="folder"/> and returns the environment its server and tools run with:
    /// loopback only, its own ports, epmd and folders (the config file at <paramref name="config"/> is the caller's).
    /// </summary>
    public static async Task<Dictionary<string, string>> PrepareNode(
        string folder, string home, string config, string nodeName, int amqpPort, int distPort, int epmdPort, CancellationToken cancellationToken)
    {
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
