using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace OrderEats.TestInfrastructure.CommandLines;

/// <summary>
/// The command lines of the test tools (chaos run, benchmarks): numeric options that name themselves in their errors, and one way to read a
/// command line into settings that prints help, or every mistake and exit code 2, instead.
/// </summary>
public static class ToolCommandLine
{
    /// <summary>The exit code of a command line that could not be read.</summary>
    public const int UsageError = 2;

    /// <summary>A whole-number option of at least <paramref name="minimum"/>, <paramref name="defaultValue"/> when absent (help shows the default).</summary>
    public static Option<int> Number(string name, string description, int defaultValue, int minimum, string helpName = "n")
    {
        var option = new Option<int>(name) { Description = description + ".", HelpName = helpName, DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result => Parse(result, name, defaultValue, text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : null,
            $"a whole number of at least {minimum}");
        return option;
    }

    /// <summary>A positive decimal option, <paramref name="defaultValue"/> when absent.</summary>
    public static Option<double> Positive(string name, string description, double defaultValue, string helpName)
    {
        var option = new Option<double>(name)
        {
            Description = description + ".",
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result => Parse(result, name, defaultValue, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value : null,
            "a positive number");
        return option;
    }

    /// <summary>
    /// Parses <paramref name="args"/> with <paramref name="command"/> and reads the settings with <paramref name="read"/> (which returns the
    /// problems it finds beyond single options). Returns false with the exit code when the tool must not run: 0 after printing help, 2 after
    /// printing what is wrong.
    /// </summary>
    public static bool TryRead<T>(
        RootCommand command, IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<ParseResult, (T? Settings, IReadOnlyList<string> Problems)> read,
        out T? settings, out int exitCode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(error);
        settings = null;
        var result = command.Parse(args);
        if (result.Action is HelpAction)
        {
            exitCode = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return false;
        }

        var problems = result.Errors.Select(e => e.Message).ToList();
        if (problems.Count == 0)
        {
            var (read1, more) = read(result);
            settings = read1;
            problems.AddRange(more);
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine("Run with --help to see the options.");
            settings = null;
            exitCode = UsageError;
            return false;
        }

        exitCode = 0;
        return true;
    }

    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult result, string name, T defaultValue, Func<string, T?> convert, string expected)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            return defaultValue;
        }

        var text = result.Tokens[0].Value;
        if (convert(text) is { } value)
        {
            return value;
        }

        result.AddError($"{name} must be {expected}, not '{text}'.");
        return defaultValue;
    }
}
