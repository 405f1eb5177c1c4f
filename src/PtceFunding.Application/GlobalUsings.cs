// The namespaces nearly every use case needs besides the domain model's (../DomainNamespaces.props): the application's abstractions and contracts, EF Core and FluentValidation.
global using FluentValidation;
global using Microsoft.EntityFrameworkCore;
global using PtceFunding.Application.Abstractions;
global using PtceFunding.Application.Messaging;
