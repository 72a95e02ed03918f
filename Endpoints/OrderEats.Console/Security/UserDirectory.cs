using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace OrderEats.Console.Security;

/// <summary>
/// The configured users, kept current: when the configuration reloads (an edited appsettings file, a mounted secret), removed users and changed
/// roles or passwords take effect on their next request. A reload with an invalid entry is logged and the previous users stay.
/// </summary>
internal sealed class UserDirectory : IDisposable
{
    private readonly IConfiguration configuration;
    private readonly ConsoleOptions options;
    private readonly ILogger<UserDirectory> logger;
    private readonly IDisposable? subscription;
    private volatile IReadOnlyList<ConsoleUser> users;

    public UserDirectory(ConsoleOptions options, IConfiguration configuration, ILogger<UserDirectory> logger)
    {
        this.options = options;
        this.configuration = configuration;
        this.logger = logger;
        users = options.Users;
        subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public IReadOnlyList<ConsoleUser> Users => users;

    public ConsoleUser? Find(string? name) =>
        string.IsNullOrEmpty(name) ? null : users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => subscription?.Dispose();

    internal void Reload()
    {
        try
        {
            var configured = ConsoleOptions.ReadUsers(configuration);
            // Without configured users the Development defaults made at startup stay; elsewhere an empty list locks everyone out, as configured.
            users = configured.Count == 0 && options.Development ? options.Users : configured;
        }
        catch (InvalidOperationException e)
        {
            logger.LogError(e, "Console:Users changed but is not valid; the previous users stay until it is fixed");
        }
    }
}
