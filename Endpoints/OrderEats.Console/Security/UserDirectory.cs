namespace OrderEats.Console.Security;

/// <summary>Checks a name and password against the configured users.</summary>
internal sealed class UserDirectory(ConsoleOptions options)
{
    public ConsoleUser? Authenticate(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || password is null)
        {
            return null;
        }

        var user = options.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        return user is not null && PasswordHash.Verify(password, user.PasswordHash) ? user : null;
    }
}
