// The namespaces nearly every persistence, identity and job class needs besides the domain model's (../DomainNamespaces.props).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using PtceFunding.Application.Abstractions;
