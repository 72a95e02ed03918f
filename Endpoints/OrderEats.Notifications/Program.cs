using OrderEats.Notifications;
using OrderEats.ServiceDefaults;

return await ServiceProcess.Run(args, NotificationsService.Definition);
