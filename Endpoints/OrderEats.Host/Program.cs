using OrderEats.Host;

return await CommandLine.Invoke(args, System.Console.Out, System.Console.Error);
