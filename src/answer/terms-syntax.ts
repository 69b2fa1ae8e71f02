/**
 * The syntax people quote in chat: SQL keywords, HTTP CSS properties and framework
 * annotations ("LEFT JOIN", "Cache-Control", "align-items: center", "@Autowired"). Each names
 * its topic, for the lexicon (see lexicon.ts). Same format and rules as terms.ts; punctuation
 * is dropped the way the question's is ("@RestController" is "restcontroller", "z-index" is
 * "z index", "!important" is "important", which is why only the phrase around it counts).
 */
import type { LexiconGroup } from './lexicon.ts';

const SQL: LexiconGroup[] = [
  [
    'database',
    `select count, select distinct, insert into, update set, delete from,
    order by, having count, where not exists, union all, distinct on, is null, is not null,
    not null, not null column, null column, nullable column, create table, drop table, drop column,
    truncate table, create index, auto increment, auto incrementing, varchar, jsonb, json column,
    bigint, bigserial, serial column, enum column, check constraint, on conflict, on conflict do,
    on duplicate key, returning clause, limit 1, count distinct, sum over, row number, partition by,
    rank over, lateral join, recursive cte, with recursive, sql syntax, sql statement, sql statements,
    sql server, plpgsql, psql, mysql workbench, query result, query results, result set,
    data type, data types, column type, column types, decimal type, decimal column, numeric type,
    numeric column, money amounts, money amount, currency amounts, monetary values, store money,
    storing money, store prices, storing prices, cents as integer, integer cents, text vs varchar`,
  ],
  ['index', 'create index concurrently, index on, partial index, unique index, gin index, btree index'],
  ['transaction', 'begin transaction, commit transaction, rollback transaction, savepoint, savepoints'],
];

const HTTP_HEADERS: LexiconGroup[] = [
  [
    'api',
    `cache control, cache control header, no cache, no store, max age, etag, etags, if none match,
    if modified since, last modified, content length, content encoding, accept encoding, gzip,
    brotli, response compression, accept language, location header, retry after,
    x ratelimit, ratelimit headers, rate limit headers, x request id, request headers,
    response headers, custom header, custom headers, http header, http headers,
    transfer encoding, chunked encoding, multipart form data, form data, application json,
    x www form urlencoded, urlencoded, mime type, media type, 405, method not allowed, 415,
    unsupported media type, 406, not acceptable, 409, conflict status, 422, unprocessable entity,
    201 created, 204 no content, 404 not found, 400 bad request, http status, http statuses,
    http 2, http 3, keep alive, conditional request, conditional requests, options request,
    validation error, validation errors, validation failure, validation failures, validation fails,
    validation failed, error format, error payload, error body, error shape,
    bearer token, bearer tokens, authorization bearer`,
  ],
  [
    'security',
    `access control allow origin, access control allow credentials, access control allow headers,
    access control allow methods, strict transport security, x frame options, x content type options,
    referrer policy, permissions policy, x xss protection, httponly, http only cookie,
    httponly cookie, secure cookie, secure flag, set cookie`,
  ],
  ['authentication', 'basic auth, www authenticate'],
  ['server', 'x forwarded for, x forwarded proto, x real ip, forwarded header, host header, proxy headers'],
];

const CSS_PROPERTIES: LexiconGroup[] = [
  [
    'css',
    `display grid, display inline block, display contents, inline flex, grid template columns,
    grid template areas, grid template rows, grid gap, grid area, grid column, flex grow, flex shrink,
    flex basis, flex 1, align self, justify self, place items, align content, justify items,
    margin auto, margin 0 auto, collapsing margins, margin collapse, box sizing, border box,
    rem units, em units, rem vs em, vh units, viewport units, minmax, auto fill, auto fit,
    fr units, 1fr, text overflow, ellipsis, white space nowrap, word break, line clamp,
    visibility hidden, opacity,
    cursor pointer, focus visible, focus ring, outline none, nth child,
    pseudo element, pseudo elements, media screen, mobile first,
    container queries, container query, font face, web fonts, google fonts, dark theme,
    css in js, tailwind classes, utility class, important override, css important, css grid vs flexbox,
    overflow hidden, overflow auto, overflow scroll, position absolute vs relative, top 0,
    stacking context, object position, background size, linear gradient,
    border collapse, svg icon, svg icons, icon font, fontawesome, font awesome, retina, retina screens,
    high dpi, hidpi, srcset, blurry images, image resolution, responsive images, picture element`,
  ],
  [
    'javascript',
    `preventdefault, prevent default, stoppropagation, stop propagation, event target, e target,
    addeventlistener, document queryselector, window onload, domcontentloaded, settimeout,
    setinterval, json parse, json stringify, promise all, then catch, fetch then,
    console error, npm run build, source map, source maps, minified, minify, bundler,
    tree shaking, code splitting, lazy loading images`,
  ],
];

const ANNOTATIONS: LexiconGroup[] = [
  [
    'spring',
    `requestmapping, getmapping, postmapping, putmapping, deletemapping, restcontroller,
    springbootapplication, pathvariable, requestbody, requestparam, responsebody, qualifier,
    no qualifying bean, beancreationexception, bean creation exception, component scan,
    componentscan, application properties, application yml, spring profile, spring profiles,
    jparepository, crudrepository, spring data, spring data jpa, webflux, spring cloud,
    configurationproperties, enableautoconfiguration, spring context, application context`,
  ],
  [
    'framework',
    `transactional annotation, controller annotation, route decorator, route decorators,
    request handler, request handlers, route handler, route handlers, handler function,
    service layer, repository pattern, dto, dtos, data transfer object, view model,
    template engine, templating engine, orm vs raw sql, framework magic, convention over configuration`,
  ],
  [
    'django',
    `models py, views py, urls py, settings py, manage py, makemigrations, runserver, django model,
    django models, django view, django views, django signals, django forms, django templates,
    viewset, viewsets, django ninja, django channels`,
  ],
  ['express', 'app use, app listen, req res, req body, res send, res json, res status, express static'],
  ['flask', 'app route, flask app, flask sqlalchemy, flask login, flask restful'],
  ['fastapi', 'fastapi depends, pydantic model, pydantic models, background tasks'],
  ['nestjs', 'injectable, nest guard, nest guards, nest interceptor, interceptors, nest pipes, nest cli'],
  ['laravel', 'artisan, blade template, laravel queue, laravel queues, eloquent model, eloquent models'],
  [
    'rails',
    'rails generate, rails console, rake task, rake tasks, routes rb, rails migration, rails migrations',
  ],
];

export const SYNTAX_TERMS: readonly LexiconGroup[] = [
  ...SQL,
  ...HTTP_HEADERS,
  ...CSS_PROPERTIES,
  ...ANNOTATIONS,
];
