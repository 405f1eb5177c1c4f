using PtceFunding.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPtceServices();
if (CommandLine.IsMigrate(args))
{
    // EF probes the missing history table of an empty database with a query it expects to fail and
    // logs that as an error; a failed migration still surfaces, as the exception the command reports.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
}
var app = builder.Build();

return await CommandLine.Run(app, args);
