#include "librdf/world.h"

#include "lmdb/storage.h"

namespace diplograph::graph::librdf {

Session::Session() : world_(check(librdf_new_world(), "cannot create a librdf world")) {
  librdf_world_set_logger(world_.get(), this, &Session::log);
  librdf_world_open(world_.get());
  lmdb::registerStorage(world_.get());  // diplograph's own storage, beside librdf's built-in ones
}

int Session::log(void* user, librdf_log_message* message) {
  auto* self = static_cast<Session*>(user);
  if (librdf_log_message_level(message) >= LIBRDF_LOG_ERROR) {
    const char* text = librdf_log_message_message(message);
    self->errors_.emplace_back(text != nullptr ? text : "unknown librdf error");
  }
  return 1;  // handled: nothing is printed by librdf itself
}

std::string Session::takeError(const std::string& fallback) {
  std::string message = errors_.empty() ? fallback : errors_.front();
  errors_.clear();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

Node Session::node(const Term& term) const {
  librdf_node* node = nullptr;
  switch (term.kind) {
    case Term::Kind::Iri:
      node = librdf_new_node_from_uri_string(world(), bytes(term.value));
      break;
    case Term::Kind::Blank:
      node = librdf_new_node_from_blank_identifier(world(), bytes(term.value));
      break;
    case Term::Kind::Literal: {
      Uri datatype;
      if (!term.datatype.empty()) datatype.reset(librdf_new_uri(world(), bytes(term.datatype)));
      node = librdf_new_node_from_typed_counted_literal(
          world(), bytes(term.value), term.value.size(), term.language.empty() ? nullptr : term.language.c_str(),
          term.language.size(), datatype.get());
      break;
    }
    case Term::Kind::Unbound:
      break;
  }
  return Node(check(node, "cannot make an RDF node for '" + term.value + "'"));
}

Statement Session::statement(const Triple& triple) const {
  // librdf_new_statement_from_nodes takes the nodes: release them to it.
  return Statement(check(librdf_new_statement_from_nodes(world(), node(triple.subject).release(),
                                                         node(triple.predicate).release(),
                                                         node(triple.object).release()),
                         "cannot make an RDF statement"));
}

Term Session::term(librdf_node* node) {
  if (node == nullptr) return {};
  auto text = [](const unsigned char* s) { return s == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(s)); };
  switch (librdf_node_get_type(node)) {
    case LIBRDF_NODE_TYPE_RESOURCE:
      return Term::iri(text(librdf_uri_as_string(librdf_node_get_uri(node))));
    case LIBRDF_NODE_TYPE_BLANK:
      return {Term::Kind::Blank, text(librdf_node_get_blank_identifier(node)), "", ""};
    case LIBRDF_NODE_TYPE_LITERAL: {
      size_t length = 0;
      const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &length);
      const char* language = librdf_node_get_literal_value_language(node);
      librdf_uri* datatype = librdf_node_get_literal_value_datatype_uri(node);
      return Term::literal(std::string(reinterpret_cast<const char*>(value), length), language ? language : "",
                           datatype ? text(librdf_uri_as_string(datatype)) : "");
    }
    default:
      return {};
  }
}

Triple Session::triple(librdf_statement* statement) {
  return {term(librdf_statement_get_subject(statement)), term(librdf_statement_get_predicate(statement)),
          term(librdf_statement_get_object(statement))};
}

std::vector<Triple> Session::drain(librdf_stream* stream) const {
  std::vector<Triple> triples;
  for (; stream != nullptr && !librdf_stream_end(stream); librdf_stream_next(stream)) {
    // The statement is borrowed from the stream; copy its values now.
    triples.push_back(triple(librdf_stream_get_object(stream)));
  }
  return triples;
}

}  // namespace diplograph::graph::librdf
