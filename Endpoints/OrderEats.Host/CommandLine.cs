using System.CommandLine;
using System.CommandLine.Help;
using OrderEats.Engine.Sql;

namespace OrderEats.Host;

/// <summary>
/// The host's command line: run (the default, also with no command), demo, schema and asyncapi, each with --help. A mistyped option or value fails
/// with a message naming it and exit code 2.
/// </summary>
internal static class CommandLine
{
    /// <summary>The exit code of a command line that could not be read.</summary>
    public const int UsageError = 2;

    private static readonly Option<string> Dialect = SchemaDialect();

    private static readonly Option<string> Output = new("--output")
    {
        Description = "Writes the document to this file (a relative path is taken from the repository root) instead of standard output.",
        HelpName = "path",
    };

    /// <summary>Parses <paramref name="args"/>; the result's Errors list what could not be read.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args, TextWriter? output = null) => Root(output ?? TextWriter.Null).Parse(args);

    /// <summary>Runs the command <paramref name="args"/> name; writes help and results to <paramref name="output"/>, mistakes to <paramref name="error"/>.</summary>
    public static async Task<int> Invoke(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var result = Parse(args, output);
        var problems = Problems(result);
        if (problems.Count > 0 && result.Action is not HelpAction)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            await error.WriteLineAsync("Run with --help to see the commands and their options.");
            return UsageError;
        }

        try
        {
            // The host handles Ctrl+C and SIGTERM itself (graceful shutdown with the engine's drain); the parser must not cut it short.
            return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return UsageError;
        }
    }

    /// <summary>What is wrong with the command line: parse errors, and tokens that are neither options nor (for run) configuration switches.</summary>
    public static IReadOnlyList<string> Problems(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = result.Errors.Select(e => e.Message).ToList();
        var command = result.CommandResult.Command;
        if (command is RootCommand || command.Name == "run")
        {
            try
            {
                RunCommand.ConfigurationSwitches(result);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }
        else
        {
            // The root passes unknown tokens on as configuration, which leaves them unchecked for every command; the other commands take none.
            problems.AddRange(result.UnmatchedTokens.Select(token => $"Unrecognized argument '{token}' for the {command.Name} command; its options are listed by {command.Name} --help."));
        }

        return problems;
    }

    private static RootCommand Root(TextWriter output)
    {
        var root = new RootCommand("OrderEats: every service and the console in one process (run, the default), the demo, and the schema and contract documents.");
        RunCommand.Configure(root);

        var run = new Command("run", "Runs every service and the console until Ctrl+C (the same as no command).");
        RunCommand.Configure(run);
        root.Subcommands.Add(run);
        root.Subcommands.Add(DemoCommand.Create(output));

        var schema = new Command("schema", "Prints the idempotent install script of every service's tables for a DBA to apply by hand.") { Dialect };
        schema.SetAction(result => SchemaCommand.Run(Enum.Parse<SqlDialectKind>(result.GetRequiredValue(Dialect), ignoreCase: true), output));
        root.Subcommands.Add(schema);

        var asyncApi = new Command("asyncapi", "Writes the AsyncAPI 3.0 document of the message contract.") { Output };
        asyncApi.SetAction(result => AsyncApiCommand.Run(result.GetValue(Output), output));
        root.Subcommands.Add(asyncApi);
        return root;
    }

    private static Option<string> SchemaDialect()
    {
        string[] allowed = ["postgresql", "sqlserver", "sqlite"];
        var option = new Option<string>("--dialect") { Description = "The database the script is for.", HelpName = string.Join('|', allowed), Required = true };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--dialect '{value}' is not one of: {string.Join(", ", allowed)}.");
            }
        });
        return option;
    }
}
