// The namespaces nearly every page model and endpoint needs.
global using Mediator;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using PtceFunding.Domain.Common;
global using PtceFunding.Domain.Partners;
global using PtceFunding.Web.Presentation;
global using PtceFunding.Web.Security;
