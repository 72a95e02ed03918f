using OrderEats.Kitchen;
using OrderEats.ServiceDefaults;

return await ServiceProcess.Run(args, KitchenService.Definition);
