using PtceFunding.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPtceServices();
var app = builder.Build();

return await CommandLine.Run(app, args);
