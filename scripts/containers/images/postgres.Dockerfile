# Stand-in for the official postgres image from Debian's postgresql-15: the same environment
# (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB) and data directory.
FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
  && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
