using OrderEats.Payments;
using OrderEats.ServiceDefaults;

return await ServiceProcess.Run(args, PaymentsService.Definition);
