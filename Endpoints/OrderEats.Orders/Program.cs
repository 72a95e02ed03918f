using OrderEats.Orders;
using OrderEats.ServiceDefaults;

return await ServiceProcess.Run(args, OrdersService.Definition);
