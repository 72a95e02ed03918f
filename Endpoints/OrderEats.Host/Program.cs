using OrderEats.Host;

try
{
    var line = CommandLine.Parse(args);
    return line.Command switch
    {
        "run" => await RunCommand.Run(line, args),
        "demo" => await DemoCommand.Run(line, System.Console.Out),
        "schema" => SchemaCommand.Run(line, System.Console.Out),
        _ => throw new ArgumentException($"Unknown command '{line.Command}'. Use: (no command) to run, demo --orders N [--gateway-outage SECONDS], or schema --dialect postgresql."),
    };
}
catch (ArgumentException ex)
{
    await System.Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
