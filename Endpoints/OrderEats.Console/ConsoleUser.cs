namespace OrderEats.Console;

/// <summary>A console user from configuration (Console:Users:N:Name, :PasswordHash, :Role).</summary>
/// <param name="Name">The login name.</param>
/// <param name="PasswordHash">The PBKDF2 hash made by <c>OrderEats.Console hash-password</c> (password on standard input).</param>
/// <param name="Role">Reader or Operator.</param>
public sealed record ConsoleUser(string Name, string PasswordHash, ConsoleRole Role);
