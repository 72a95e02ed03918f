namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Turns an <see cref="UnsafeConfigurationException"/> that escapes startup into one clear line on standard error and exit code 1, instead
/// of the runtime's crash report (stack trace, abort signal).
/// </summary>
public static class UnsafeConfigurationExit
{
    /// <summary>The exit code of a process that refused to start unsafe.</summary>
    public const int ExitCode = 1;

    private static int installed;

    /// <summary>Installs the handler once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is UnsafeConfigurationException refused)
            {
                System.Console.Error.WriteLine("OrderEats refused to start: " + refused.Message);
                Environment.Exit(ExitCode);
            }
        };
    }
}
