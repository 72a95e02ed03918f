using OrderEats.Console;
using OrderEats.Console.Security;
using OrderEats.ServiceDefaults;

return args is ["hash-password", ..]
    ? HashPasswordCommand.Run(args, System.Console.In, System.Console.Out, System.Console.Error, System.Console.IsInputRedirected)
    : await ServiceProcess.Run(args, ConsoleService.Definition);
