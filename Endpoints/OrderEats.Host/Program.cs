using OrderEats.Host;

try
{
    var line = CommandLine.Parse(args);
    return line.Command switch
    {
        "run" => await RunCommand.Run(line, args),
        "demo" => await DemoCommand.Run(line, System.Console.Out),
        "schema" => SchemaCommand.Run(line, System.Console.Out),
        "asyncapi" => AsyncApiCommand.Run(line, System.Console.Out),
        _ => throw new ArgumentException($"Unknown command '{line.Command}'. Use: (no command) to run, demo --orders N [--gateway-outage SECONDS], schema --dialect postgresql, or asyncapi [--output docs/asyncapi.json]."),
    };
}
catch (ArgumentException ex)
{
    await System.Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
