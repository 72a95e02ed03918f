namespace OrderEats.Console.Security;

/// <summary>
/// `OrderEats.Console hash-password`: reads the password from standard input (typed without echo on a terminal, or piped) and prints its
/// PBKDF2 hash for Console:Users:N:PasswordHash. A password on the command line is refused: it would stay in the shell history and process list.
/// </summary>
internal static class HashPasswordCommand
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool redirected)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length > 1)
        {
            error.WriteLine("hash-password reads the password from standard input, not from the command line (where it would stay in the shell history and the process list).");
            error.WriteLine("Type it when asked, or pipe it: printf %s \"$PASSWORD\" | dotnet run --project Endpoints/OrderEats.Console -- hash-password");
            return 2;
        }

        string? password;
        if (redirected)
        {
            password = input.ReadLine();
        }
        else
        {
            error.Write("Password (not shown): ");
            password = ReadHidden();
            error.WriteLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password read from standard input; nothing hashed.");
            return 2;
        }

        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
