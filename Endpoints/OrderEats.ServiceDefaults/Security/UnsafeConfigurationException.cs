namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Thrown at startup when the process would run unsafe or useless outside Development: a required credential setting is missing, or a secret
/// equals a value committed for Development. The message names the setting and how to fix it; the process exits non-zero.
/// </summary>
public sealed class UnsafeConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception with the message that names the setting.</summary>
    public UnsafeConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message and the cause.</summary>
    public UnsafeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnsafeConfigurationException()
    {
    }

    /// <summary>The refusal for a secret that equals a committed Development value.</summary>
    public static UnsafeConfigurationException CommittedSecret(string setting, DevelopmentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new UnsafeConfigurationException(
            $"{setting} equals a value committed to the repository for Development, and Development credentials are off because {access.Reason}. " +
            $"Set {setting} to a secret of your own (from your secret store or identity provider), or run in Development on a loopback address.");
    }
}
